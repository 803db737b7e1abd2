import { createRequire as __ctoCreateRequire } from 'node:module';
const require = __ctoCreateRequire(import.meta.url);
import{adrRules,incidentRules}from"./GOYWONZG.js";import"./EPU5LKMC.js";import"./PI7S3CH3.js";import"./BK7OOKN6.js";import"./75WUKVA3.js";import"./IXEPRWSH.js";import"./XW6XKKN4.js";import"./LH3ZORV3.js";import"./3VXCQX2O.js";var recordRules={adr:adrRules,incident:incidentRules};export{recordRules};
