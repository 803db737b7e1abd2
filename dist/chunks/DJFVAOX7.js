import { createRequire as __ctoCreateRequire } from 'node:module';
const require = __ctoCreateRequire(import.meta.url);
import{adrRules,incidentRules}from"./2GP37VF2.js";import"./SS4MISWQ.js";import"./AQ32O3QM.js";import"./LG2RNE67.js";import"./TFKUBIEQ.js";import"./X2K56Y2N.js";import"./KQNQOIBO.js";import"./LH3ZORV3.js";import"./W4N3BYYK.js";import"./XW6XKKN4.js";import"./3VXCQX2O.js";var recordRules={adr:adrRules,incident:incidentRules};export{recordRules};
