/**
 * Eastvale District Council. Deliberate per-workbook errors, so importing this workbook is refused:
 * EDC-02 commits Data in "Licences" (commitment/unit-mismatch: Data is counted in Datasets or Other) and
 * EDC-03 ends on 31/03/2025, before it starts (commitment/end-before-start: 2028 was meant); and its Data
 * sharing row EDC-DS1 shares Special category data without an Article 9 condition
 * (data-sharing/condition-required).
 */
import type { PartnerExample } from './partnerExample.js';

export const eastvaleDistrictCouncil: PartnerExample = {
  organisationId: 'eastvale-district-council',
  about: {
    'Organisation ID': 'eastvale-district-council',
    'Organisation name': 'Eastvale District Council',
    Sector: 'Local government',
    Involvement: 'Governance',
    'Funding tier': null,
    'MoU signatory': 'Jonathan Pike, Chief Executive',
    'MoU signed on': '25/03/2025',
  },
  contacts: [
    {
      Name: 'Rachel Okafor',
      'Job title': 'Corporate Insight Manager',
      Email: 'rachel.okafor@eastvale.gov.uk.example',
      Phone: '01632 960801',
      'Contact role': 'PMG member',
    },
    {
      Name: 'Ben Hartley',
      'Job title': 'Insight Analyst',
      Email: 'ben.hartley@eastvale.gov.uk.example',
      Phone: '01632 960802',
      'Contact role': 'Point of contact',
      Primary: 'Yes',
    },
  ],
  commitments: [
    {
      Ref: 'EDC-01',
      'Resource type': 'Analyst time',
      Description: 'Insight analyst time for housing and homelessness analysis',
      Quantity: 10,
      Unit: 'Hours per week',
      Start: '01/04/2025',
      End: '31/03/2027',
      Project: 'Housing',
      Status: 'Agreed',
    },
    {
      Ref: 'EDC-02',
      'Resource type': 'Data',
      Description: 'Council tax and housing benefit extracts',
      Quantity: 2,
      Unit: 'Licences',
      Start: '01/05/2025',
      Project: 'Housing',
      Status: 'Agreed',
    },
    {
      Ref: 'EDC-03',
      'Resource type': 'Funding',
      Description: 'Contribution to data platform hosting',
      Quantity: 10000,
      Unit: 'GBP per year',
      Start: '01/04/2026',
      End: '31/03/2025',
      Project: 'Data platform',
      Status: 'Agreed',
    },
  ],
  roles: [
    { Activity: 'Analytical work programme', Role: 'Responsible', 'Named lead': 'Ben Hartley' },
    { Activity: 'Data platform', Role: 'Consulted' },
    { Activity: 'Benefits realisation', Role: 'Informed' },
  ],
  participation: [
    {
      Forum: 'Programme Management Group',
      Representative: 'Rachel Okafor',
      Frequency: 'Monthly',
      Channel: 'Video call',
    },
  ],
  dataSharing: [
    {
      Ref: 'EDC-DS1',
      Dataset: 'Housing benefit claimants with a disability premium',
      Recipients: 'Northshire County Council',
      Purpose: 'Targeting home adaptations',
      'Personal data': 'Special category',
      'Lawful basis': 'Public task',
      'Controller role': 'Controller',
      'Agreement ref': 'ISG-EDC-0009',
      'DPIA ref': 'EDC-DPIA-4',
      'Review date': '2026-03-31',
      Status: 'Proposed',
    },
  ],
};
