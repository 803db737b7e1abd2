import { createRequire as __ctoCreateRequire } from 'node:module';
const require = __ctoCreateRequire(import.meta.url);
import{adrRules,incidentRules}from"./AGXB2SUD.js";import"./6ZHQ4TEC.js";import"./EUZNTCQ5.js";import"./VI2V73FP.js";import"./YB2XBBVY.js";import"./E5AQSNZQ.js";import"./Z5N7STAZ.js";import"./LH3ZORV3.js";import"./W4N3BYYK.js";import"./BT5N6MRW.js";import"./3VXCQX2O.js";var recordRules={adr:adrRules,incident:incidentRules};export{recordRules};
