import { createRequire as __ctoCreateRequire } from 'node:module';
const require = __ctoCreateRequire(import.meta.url);
import{renderSyncIssue,syncIssueMarker,syncLabel}from"./ZWQWKUWW.js";import"./HWT76WHL.js";import"./WQJYZJCW.js";import"./COQKYPZY.js";import"./NN2MYRUL.js";import"./HS4JMELN.js";import"./ZPFU6WTJ.js";import"./ILDX7VOQ.js";import"./3VXCQX2O.js";export{renderSyncIssue,syncIssueMarker,syncLabel};
