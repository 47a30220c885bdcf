// The PRISMA 2020 review tracker: duplicates, screening votes, the derived flow, checks, the
// PRISMA2020 CSV and the diagram layout. Pure functions from values to values.
export * from './check';
export * from './csv';
export * from './dedupe';
export * from './derive';
export * from './layout';
export * from './screening';
export { formatCsvField, formatCsvRow, parseCsvText, type CsvRow, type CsvTextProblem } from './csv-text';
