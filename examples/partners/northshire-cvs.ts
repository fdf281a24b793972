/** Northshire Council for Voluntary Service: a data provider bringing the voluntary sector's view. */
import type { PartnerExample } from './partnerExample.js';

export const northshireCvs: PartnerExample = {
  organisationId: 'northshire-cvs',
  about: {
    'Organisation ID': 'northshire-cvs',
    'Organisation name': 'Northshire Council for Voluntary Service',
    Sector: 'Voluntary and community',
    Involvement: 'Data provider',
    'Funding tier': null,
    'MoU signatory': 'Gareth Lloyd, Chief Officer',
    'MoU signed on': '02/04/2025',
  },
  contacts: [
    {
      Name: 'Gareth Lloyd',
      'Job title': 'Chief Officer',
      Email: 'gareth.lloyd@northshirecvs.org.uk.example',
      Phone: '01632 960601',
      'Contact role': 'PMG member',
    },
    {
      Name: 'Nia Roberts',
      'Job title': 'Community Insight Officer',
      Email: 'nia.roberts@northshirecvs.org.uk.example',
      Phone: '01632 960602',
      'Contact role': 'Point of contact',
      Primary: 'Yes',
    },
  ],
  commitments: [
    {
      Ref: 'CVS-01',
      'Resource type': 'Data',
      Description: "Quarterly survey of community groups' demand and capacity",
      Quantity: 1,
      Unit: 'Datasets',
      Start: '01/07/2025',
      Status: 'Agreed',
    },
    {
      Ref: 'CVS-02',
      'Resource type': 'Analyst time',
      Description: 'Community insight officer time on ODA projects',
      Quantity: 2,
      Unit: 'Days per month',
      Start: '01/04/2025',
      End: '31/03/2026',
      Status: 'Agreed',
    },
    {
      Ref: 'CVS-03',
      'Resource type': 'Other',
      Description: 'Facilitation of resident focus groups on ODA findings',
      Quantity: 3,
      Unit: 'Other',
      Start: '01/01/2026',
      Status: 'Proposed',
      Notes: 'Three sessions a year',
    },
  ],
  roles: [
    { Activity: 'Communications and engagement', Role: 'Responsible', 'Named lead': 'Nia Roberts' },
    { Activity: 'Joint strategic needs assessment', Role: 'Consulted' },
    { Activity: 'Benefits realisation', Role: 'Consulted', 'Named lead': 'Gareth Lloyd' },
  ],
  participation: [
    {
      Forum: 'Programme Management Group',
      Representative: 'Gareth Lloyd',
      Frequency: 'Quarterly',
      Channel: 'Video call',
    },
    {
      Forum: 'Voluntary sector data forum',
      Representative: 'Nia Roberts',
      Frequency: 'Quarterly',
      Channel: 'In person',
    },
  ],
  dataSharing: [
    {
      Dataset: "Community groups' demand and capacity survey",
      Recipients: 'Northshire County Council; University of Northshire',
      Purpose: 'Mapping voluntary sector capacity against need',
      'Personal data': 'None',
      'Controller role': 'Controller',
      Status: 'Agreed',
    },
  ],
};
