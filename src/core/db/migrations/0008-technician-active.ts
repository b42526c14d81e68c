/**
 * Technician administration: a technician who leaves or is away for long is made inactive rather than deleted,
 * so orders, clocks and the audit log keep pointing at a real record. Inactive technicians are never proposed
 * (their status is `unavailable` while inactive). Shipped: never edit, add a new migration.
 */
export default /* sql */ `
ALTER TABLE technicians ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));
`;
