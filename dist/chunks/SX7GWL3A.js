import { createRequire as __ctoCreateRequire } from 'node:module';
const require = __ctoCreateRequire(import.meta.url);
import{describeSyncIssue,syncEngineeringIssue}from"./PO5AKD32.js";import"./ZWQWKUWW.js";import"./HWT76WHL.js";import"./WQJYZJCW.js";import"./COQKYPZY.js";import"./NN2MYRUL.js";import"./HS4JMELN.js";import"./ZPFU6WTJ.js";import"./ILDX7VOQ.js";import"./3VXCQX2O.js";export{describeSyncIssue,syncEngineeringIssue};
