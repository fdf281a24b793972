/**
 * University of Northshire. Deliberate problem: the MoU is with the university's legal team, so "MoU signed
 * on" is blank (register/unsigned-mou).
 */
import { day, type PartnerExample } from './partnerExample.js';

export const universityOfNorthshire: PartnerExample = {
  organisationId: 'university-of-northshire',
  about: {
    'Organisation ID': 'university-of-northshire',
    'Organisation name': 'University of Northshire',
    Sector: 'Education',
    Involvement: 'Governance and funding',
    'Funding tier': 3,
    'MoU signatory': 'Professor Elaine Fairbairn, Pro Vice-Chancellor (Research)',
    'MoU signed on': null,
  },
  contacts: [
    {
      Name: 'Dr Sanjay Chowdhury',
      'Job title': 'Director, Centre for Applied Data Science',
      Email: 's.chowdhury@northshire.ac.uk.example',
      Phone: '01632 960401',
      'Contact role': 'PMG member',
    },
    {
      Name: 'Dr Megan Hollis',
      'Job title': 'Research Fellow',
      Email: 'm.hollis@northshire.ac.uk.example',
      Phone: '01632 960402',
      'Contact role': 'Point of contact',
      Primary: 'Yes',
    },
    {
      Name: 'Jack Turner',
      'Job title': 'Data Scientist',
      Email: 'j.turner@northshire.ac.uk.example',
      'Contact role': 'Analyst',
    },
  ],
  commitments: [
    {
      Ref: 'UNI-01',
      'Resource type': 'Analyst time',
      Description: 'Research fellow embedded in the ODA core team',
      Quantity: '0.6',
      Unit: 'FTE',
      Start: '01/09/2025',
      End: '31/08/2027',
      Status: 'Agreed',
    },
    {
      Ref: 'UNI-02',
      'Resource type': 'Analyst time',
      Description: 'MSc data science summer placements (two students)',
      Quantity: 30,
      Unit: 'Hours per week',
      Start: day('2026-06-01'),
      End: day('2026-08-28'),
      Project: 'Student placements',
      Status: 'Proposed',
    },
    {
      Ref: 'UNI-03',
      'Resource type': 'Funding',
      Description: 'Match funding for a PhD studentship on record linkage',
      Quantity: 25000,
      Unit: 'GBP per year',
      Start: '01/10/2025',
      End: '31/03/2028',
      Project: 'Data linkage',
      Status: 'Agreed',
    },
    {
      Ref: 'UNI-04',
      'Resource type': 'Facilities',
      Description: 'Secure research room in the Data Science Building',
      Quantity: 1,
      Unit: 'Other',
      Start: '2025-09-01',
      Status: 'Agreed',
    },
    {
      Ref: 'UNI-05',
      'Resource type': 'Software or tools',
      Description: 'Stata licences for the linkage work',
      Quantity: 4,
      Unit: 'Licences',
      Start: '2025-09-01',
      End: '2026-08-31',
      Status: 'Delivered',
    },
  ],
  roles: [
    { Activity: 'Data linkage and matching', Role: 'Accountable', 'Named lead': 'Dr Megan Hollis' },
    { Activity: 'Training and development', Role: 'Accountable', 'Named lead': 'Dr Sanjay Chowdhury' },
    { Activity: 'Analyst community of practice', Role: 'Responsible', 'Named lead': 'Jack Turner' },
    { Activity: 'Analytical work programme', Role: 'Consulted' },
    { Activity: 'Benefits realisation', Role: 'Informed' },
  ],
  participation: [
    {
      Forum: 'Programme Management Group',
      Representative: 'Dr Sanjay Chowdhury',
      Frequency: 'Monthly',
      Channel: 'Video call',
    },
    {
      Forum: 'Research methods panel',
      Representative: 'Dr Megan Hollis',
      Frequency: 'Quarterly',
      Channel: 'Video call',
      Notes: 'Peer review of ODA methods',
    },
  ],
};
