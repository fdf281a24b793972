/**
 * Northshire Fire and Rescue Service. Deliberate problem: the line manager sits on the PMG but the workbook
 * lists him only as the point of contact, so the governing partner has no PMG member contact
 * (register/no-pmg-member); and it commits incident data but lists no dataset in its Data sharing table
 * (register/undocumented-data).
 */
import type { PartnerExample } from './partnerExample.js';

export const northshireFireRescue: PartnerExample = {
  organisationId: 'northshire-fire-rescue',
  about: {
    'Organisation ID': 'northshire-fire-rescue',
    'Organisation name': 'Northshire Fire and Rescue Service',
    Sector: 'Fire and rescue',
    Involvement: 'Governance',
    'Funding tier': null,
    'MoU signatory': 'Chief Fire Officer Karen Walsh',
    'MoU signed on': '31/03/2025',
  },
  contacts: [
    {
      Name: 'Dan Whitfield',
      'Job title': 'Head of Prevention and Risk',
      Email: 'dan.whitfield@northshirefire.gov.uk.example',
      Phone: '01632 960501',
      'Contact role': 'Point of contact',
      Primary: 'Yes',
    },
    {
      Name: 'Lucy Fenwick',
      'Job title': 'Risk Analyst',
      Email: 'lucy.fenwick@northshirefire.gov.uk.example',
      Phone: '07700 900501',
      'Contact role': 'Analyst',
    },
  ],
  commitments: [
    {
      Ref: 'FRS-01',
      'Resource type': 'Analyst time',
      Description: 'Risk analyst time for targeting home fire safety visits',
      Quantity: 7.5,
      Unit: 'Hours per week',
      Start: '01/04/2025',
      End: '31/03/2028',
      Project: 'Home fire safety',
      Status: 'Agreed',
    },
    {
      Ref: 'FRS-02',
      'Resource type': 'Data',
      Description: 'Incident recording system extracts and home fire safety visit records',
      Quantity: 2,
      Unit: 'Datasets',
      Start: '01/04/2025',
      Project: 'Home fire safety',
      Status: 'Agreed',
    },
    {
      Ref: 'FRS-03',
      'Resource type': 'Facilities',
      Description: 'Training suite at Service Headquarters for ODA workshops',
      Quantity: 4,
      Unit: 'Other',
      Start: '01/04/2025',
      Status: 'Agreed',
      Notes: 'Four days a year, booked through the PMG secretariat',
    },
  ],
  roles: [
    { Activity: 'Data quality assurance', Role: 'Accountable', 'Named lead': 'Lucy Fenwick' },
    { Activity: 'Communications and engagement', Role: 'Accountable', 'Named lead': 'Dan Whitfield' },
    { Activity: 'Community safety analysis', Role: 'Responsible', 'Named lead': 'Lucy Fenwick' },
    { Activity: 'Analytical work programme', Role: 'Informed' },
  ],
  participation: [
    {
      Forum: 'Programme Management Group',
      Representative: 'Dan Whitfield',
      Frequency: 'Monthly',
      Channel: 'Video call',
    },
    {
      Forum: "Community Safety Partnership analysts' group",
      Representative: 'Lucy Fenwick',
      Frequency: 'Monthly',
      Channel: 'In person',
    },
  ],
};
