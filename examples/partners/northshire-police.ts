/**
 * Northshire Police. Deliberate problem: About gives the force's old name "Northshire Constabulary", which
 * differs from the catalogue (warning about/differs-from-catalogue).
 */
import { day, type PartnerExample } from './partnerExample.js';

export const northshirePolice: PartnerExample = {
  organisationId: 'northshire-police',
  about: {
    'Organisation ID': 'northshire-police',
    'Organisation name': 'Northshire Constabulary',
    Sector: 'Police',
    Involvement: 'Governance and funding',
    'Funding tier': 2,
    'MoU signatory': 'Andrew Beaumont, Chief Constable',
    'MoU signed on': day('2025-03-20'),
  },
  contacts: [
    {
      Name: 'Mark Pennington',
      'Job title': 'Head of Performance and Analysis',
      Email: 'mark.pennington@northshire.police.uk.example',
      Phone: '01632 960201',
      'Contact role': 'PMG member',
    },
    {
      Name: 'Sarah Kettle',
      'Job title': 'Principal Analyst',
      Email: 'sarah.kettle@northshire.police.uk.example',
      Phone: '01632 960202',
      'Contact role': 'Point of contact',
      Primary: 'Yes',
    },
    {
      Name: 'Helen Ashworth',
      'Job title': 'Data Protection Officer',
      Email: 'helen.ashworth@northshire.police.uk.example',
      'Contact role': 'Data Protection Officer',
    },
    {
      Name: 'Liam Booth',
      'Job title': 'Crime Analyst',
      Email: 'liam.booth@northshire.police.uk.example',
      'Contact role': 'Analyst',
    },
  ],
  commitments: [
    {
      Ref: 'POL-01',
      'Resource type': 'Analyst time',
      Description: 'Crime analyst working on ODA community safety projects',
      Quantity: 15,
      Unit: 'Hours per week',
      Start: '01/04/2025',
      End: '31/03/2027',
      Project: 'Community safety',
      Status: 'Agreed',
    },
    {
      Ref: 'POL-02',
      'Resource type': 'Funding',
      Description: 'Annual contribution to the ODA programme budget',
      Quantity: 60000,
      Unit: 'GBP per year',
      Start: '2025-04-01',
      End: '2028-03-31',
      Status: 'Agreed',
    },
    {
      Ref: 'POL-03',
      'Resource type': 'Data',
      Description: 'Recorded crime and anti-social behaviour incidents, geocoded to LSOA',
      Quantity: '2',
      Unit: 'Datasets',
      Start: '01/05/2025',
      Status: 'Agreed',
      Notes: 'Refreshed monthly',
    },
    {
      Ref: 'POL-04',
      'Resource type': 'Analyst time',
      Description: 'Analyst support for the serious violence duty strategic needs assessment',
      Quantity: '4',
      Unit: 'Days per month',
      Start: '01/09/2025',
      End: '31/03/2026',
      Project: 'Serious violence duty',
      Status: 'Proposed',
    },
  ],
  roles: [
    { Activity: 'Community safety analysis', Role: 'A', 'Named lead': 'Sarah Kettle' },
    { Activity: 'Information governance framework', Role: 'A', 'Named lead': 'Mark Pennington' },
    { Activity: 'Data sharing agreements', Role: 'C' },
    { Activity: 'Analytical work programme', Role: 'R', 'Named lead': 'Sarah Kettle' },
    { Activity: 'Benefits realisation', Role: 'I' },
  ],
  participation: [
    {
      Forum: 'Programme Management Group',
      Representative: 'Mark Pennington',
      Frequency: 'Monthly',
      Channel: 'Video call',
    },
    {
      Forum: "Community Safety Partnership analysts' group",
      Representative: 'Liam Booth',
      Frequency: 'Monthly',
      Channel: 'In person',
    },
  ],
  dataSharing: [
    {
      Ref: 'POL-DS1',
      Dataset: 'Recorded crime and anti-social behaviour incidents, geocoded to LSOA',
      Recipients: 'Northshire County Council; NHS Northshire Integrated Care Board; University of Northshire',
      Purpose: 'Serious violence duty strategic needs assessment and community safety analysis',
      'Personal data': 'Criminal offence',
      'Lawful basis': 'Law enforcement',
      Condition: 'DPA 2018 Schedule 8, paragraph 1 (statutory purposes)',
      'Controller role': 'Controller',
      'Agreement ref': 'ISG-NP-0142',
      'DPIA ref': 'NP-DPIA-2025-07',
      'Review date': '31/03/2026',
      Retention: 'Deleted 2 years after the needs assessment is published',
      Status: 'Agreed',
    },
  ],
};
