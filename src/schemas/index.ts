// The single source of truth for every record shape.
export * from './common';
export * from './vocabularies';
export * from './effect';
export * from './flow';
export * from './synthesis';
export * from './study';
export * from './review';
export * from './guide';
