import { createRequire as __ctoCreateRequire } from 'node:module';
const require = __ctoCreateRequire(import.meta.url);
import{isCalendarDate,isoDate,isoDateTime,maturityStage,nonNegative,nonNegativeInt,parseIsoDateTime,schemaReference,version}from"./3SMZAWQO.js";import"./XW6XKKN4.js";import"./3VXCQX2O.js";export{isCalendarDate,isoDate,isoDateTime,maturityStage,nonNegative,nonNegativeInt,parseIsoDateTime,schemaReference,version};
