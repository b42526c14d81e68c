/** Row types of the tables created by 0004_telemetry (conventions in ./schema.ts). */
export interface TelemetryEventTable {
  event_id: string;
  type: 'position' | 'status';
  /** The technician of a position, the work order of a status event. */
  subject_id: string;
  at: number;
  received_at: number;
  sender_id: string;
  lat: number | null;
  lon: number | null;
  status: string | null;
}
