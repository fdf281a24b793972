/**
 * Northshire Shared Information Governance Service: an observer that advises on information governance.
 * Deliberate problem: it names itself Responsible for DPIAs, which an observer should not hold
 * (register/observer-lead).
 */
import type { PartnerExample } from './partnerExample.js';

export const northshireIgService: PartnerExample = {
  organisationId: 'northshire-ig-service',
  about: {
    'Organisation ID': 'northshire-ig-service',
    'Organisation name': 'Northshire Shared Information Governance Service',
    Sector: 'Other',
    Involvement: 'Observer',
    'Funding tier': null,
    'MoU signatory': 'Fiona Grant, Head of Information Governance',
    'MoU signed on': '2025-04-10',
  },
  contacts: [
    {
      Name: 'Fiona Grant',
      'Job title': 'Head of Information Governance',
      Email: 'fiona.grant@northshire-igs.gov.uk.example',
      Phone: '01632 960701',
      'Contact role': 'Information governance lead',
    },
    {
      Name: 'Paul Whitaker',
      'Job title': 'Information Governance Officer',
      Email: 'paul.whitaker@northshire-igs.gov.uk.example',
      Phone: '01632 960702',
      'Contact role': 'Point of contact',
      Primary: 'Yes',
    },
  ],
  commitments: [
    {
      Ref: 'IGS-01',
      'Resource type': 'Other',
      Description: 'Review of data sharing agreements and DPIAs on request',
      Quantity: 2,
      Unit: 'Days per month',
      Start: '01/04/2025',
      End: '31/03/2028',
      Status: 'Agreed',
    },
  ],
  roles: [
    {
      Activity: 'Data protection impact assessments',
      Role: 'R',
      'Named lead': 'Fiona Grant',
      Notes: 'Reviews every DPIA before the PMG signs it off',
    },
    { Activity: 'Information governance framework', Role: 'C', 'Named lead': 'Fiona Grant' },
    { Activity: 'Data sharing agreements', Role: 'C', 'Named lead': 'Paul Whitaker' },
  ],
  participation: [
    {
      Forum: 'Information Governance Group',
      Representative: 'Fiona Grant',
      Frequency: 'Monthly',
      Channel: 'Video call',
    },
    {
      Forum: 'Programme Management Group',
      Representative: 'Paul Whitaker',
      Frequency: 'As needed',
      Channel: 'Video call',
      Notes: 'Attends as an observer',
    },
  ],
};
