import { createRequire as __ctoCreateRequire } from 'node:module';
const require = __ctoCreateRequire(import.meta.url);
import{adrRules,incidentRules}from"./NXOFZNST.js";import"./PI7S3CH3.js";import"./EPU5LKMC.js";import"./BK7OOKN6.js";import"./F3BJJRTM.js";import"./ARUCH3TY.js";import"./3SMZAWQO.js";import"./XW6XKKN4.js";import"./3VXCQX2O.js";var recordRules={adr:adrRules,incident:incidentRules};export{recordRules};
