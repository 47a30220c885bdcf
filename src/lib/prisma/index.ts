// The PRISMA 2020 review tracker: duplicates, screening votes, the derived flow, checks, the
// PRISMA2020 CSV, the diagram layout and the views the review pages show (flow, screening
// progress, records ledger, versions). Pure functions from values to values.
export * from './check';
export * from './csv';
export * from './dedupe';
export * from './derive';
export * from './figure';
export * from './layout';
export * from './ledger';
export * from './progress';
export * from './review-flow';
export * from './screening';
export * from './text';
export * from './versions';
export { formatCsvRow, parseCsvText, type CsvRow, type CsvTextProblem } from './csv-text';
