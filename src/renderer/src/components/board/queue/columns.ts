/** One grid template for the queue's header and its rows, so the columns line up without a table element. */
export const QUEUE_COLUMNS = [
  { key: 'sla', title: 'Next SLA due', width: '178px' },
  { key: 'number', title: 'Number', width: '124px' },
  { key: 'priority', title: 'Pri', width: '44px' },
  { key: 'category', title: 'Category', width: 'minmax(120px, 1.15fr)' },
  { key: 'customer', title: 'Customer · site', width: 'minmax(170px, 1.7fr)' },
  { key: 'status', title: 'Status', width: '96px' },
  { key: 'technician', title: 'Technician', width: 'minmax(120px, 1.1fr)' },
  { key: 'received', title: 'Received', width: '112px' },
] as const;

export const QUEUE_GRID = QUEUE_COLUMNS.map((c) => c.width).join(' ');
export const ROW_HEIGHT = 34;
