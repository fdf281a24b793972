/**
 * NHS Northshire Integrated Care Board. Deliberate problems: its funding line runs to March 2029, a year past
 * the MoU (warning commitment/outside-mou-period), and it also claims to be Accountable for data sharing
 * agreements, as the county council does (register/multiple-accountable).
 */
import type { PartnerExample } from './partnerExample.js';

export const northshireIcb: PartnerExample = {
  organisationId: 'northshire-icb',
  about: {
    'Organisation ID': 'northshire-icb',
    'Organisation name': 'NHS Northshire Integrated Care Board',
    Sector: 'Health',
    Involvement: 'Governance and funding',
    'Funding tier': '2',
    'MoU signatory': 'Dr Nadia Rahman, Chief Executive',
    'MoU signed on': '2025-03-28',
  },
  contacts: [
    {
      Name: 'Amira Haddad',
      'Job title': 'Head of Population Health Intelligence',
      Email: 'amira.haddad@northshire-icb.nhs.uk.example',
      Phone: '01632 960301',
      'Contact role': 'PMG member',
    },
    {
      Name: 'Owen Price',
      'Job title': 'ODA Liaison Manager',
      Email: 'owen.price@northshire-icb.nhs.uk.example',
      Phone: '01632 960302',
      'Contact role': 'Point of contact',
      Primary: 'Yes',
    },
    {
      Name: 'Beth Carver',
      'Job title': 'Information Governance Manager',
      Email: 'beth.carver@northshire-icb.nhs.uk.example',
      'Contact role': 'Information governance lead',
    },
    {
      Name: 'Kwame Mensah',
      'Job title': 'Public Health Analyst',
      Email: 'kwame.mensah@northshire-icb.nhs.uk.example',
      Phone: '07700 900301',
      'Contact role': 'Analyst',
    },
  ],
  commitments: [
    {
      Ref: 'ICB-01',
      'Resource type': 'Analyst time',
      Description: 'Population health analysts for the joint strategic needs assessment',
      Quantity: 1.5,
      Unit: 'FTE',
      Start: '2025-04-01',
      End: '2028-03-31',
      Project: 'JSNA',
      Status: 'Agreed',
    },
    {
      Ref: 'ICB-02',
      'Resource type': 'Funding',
      Description: 'Contribution to the ODA programme budget',
      Quantity: 80000,
      Unit: 'GBP per year',
      Start: '01/04/2025',
      End: '31/03/2029',
      Status: 'Agreed',
      Notes: "The budget line runs to March 2029 in the ICB's medium-term financial plan",
    },
    {
      Ref: 'ICB-03',
      'Resource type': 'Data',
      Description: 'GP registrations and secondary care activity (SUS), pseudonymised',
      Quantity: 3,
      Unit: 'Datasets',
      Start: '01/07/2025',
      Project: 'JSNA',
      Status: 'Agreed',
    },
    {
      Ref: 'ICB-04',
      'Resource type': 'Software or tools',
      Description: "Analyst accounts in the ICB's secure data environment",
      Quantity: 5,
      Unit: 'Licences',
      Start: '01/07/2025',
      End: '31/03/2028',
      Project: 'Data platform',
      Status: 'Proposed',
    },
    {
      Ref: 'ICB-05',
      'Resource type': 'Analyst time',
      Description: 'Trainer for the Python and R workshop series',
      Quantity: '2',
      Unit: 'Days per month',
      Start: '01/10/2025',
      End: '31/03/2026',
      Project: 'Training',
      Status: 'Agreed',
    },
  ],
  roles: [
    { Activity: 'Data sharing agreements', Role: 'Accountable', 'Named lead': 'Beth Carver' },
    { Activity: 'Joint strategic needs assessment', Role: 'Accountable', 'Named lead': 'Amira Haddad' },
    { Activity: 'Analyst community of practice', Role: 'Accountable', 'Named lead': 'Kwame Mensah' },
    { Activity: 'Data linkage and matching', Role: 'Responsible', 'Named lead': 'Kwame Mensah' },
    { Activity: 'Data quality assurance', Role: 'Consulted' },
    { Activity: 'Benefits realisation', Role: 'Consulted', 'Named lead': 'Owen Price' },
  ],
  participation: [
    {
      Forum: 'Programme Management Group',
      Representative: 'Amira Haddad',
      Frequency: 'Monthly',
      Channel: 'Video call',
    },
    { Forum: 'ODA Strategic Board', Representative: 'Dr Nadia Rahman', Frequency: 'Quarterly', Channel: 'In person' },
    {
      Forum: 'Health and Wellbeing Board',
      Representative: 'Owen Price',
      Frequency: 'Quarterly',
      Channel: 'In person',
      Notes: 'Reports ODA outputs to the board',
    },
  ],
};
