import { createRequire as __ctoCreateRequire } from 'node:module';
const require = __ctoCreateRequire(import.meta.url);
import{adrRules,incidentRules}from"./24K6HKYS.js";import"./SS4MISWQ.js";import"./AQ32O3QM.js";import"./LG2RNE67.js";import"./BRCDZXQV.js";import"./HH3T7U7S.js";import"./6MH5I24I.js";import"./LH3ZORV3.js";import"./W4N3BYYK.js";import"./XW6XKKN4.js";import"./3VXCQX2O.js";var recordRules={adr:adrRules,incident:incidentRules};export{recordRules};
