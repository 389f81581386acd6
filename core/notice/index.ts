// The eForms notice reader and assessment.
export * from './errors.ts';
export * from './model.ts';
export { DEFAULT_XML_LIMITS, type XmlLimits } from './xml-tree.ts';
export * from './read-notice.ts';
export * from './decode-notice.ts';
export * from './legal-basis.ts';
export * from './assess.ts';
export * from './json.ts';
export * from './summary.ts';
export * from './reservation-text.ts';
