// Entry of functions.js: ties the ids in functions.json (generated from the JSDoc tags) to the code.
import { orgnr, regime, reserved } from './functions.ts';

CustomFunctions.associate('REGIME', regime);
CustomFunctions.associate('ORGNR', orgnr);
CustomFunctions.associate('RESERVED', reserved);
