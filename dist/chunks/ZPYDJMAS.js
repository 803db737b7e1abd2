import { createRequire as __ctoCreateRequire } from 'node:module';
const require = __ctoCreateRequire(import.meta.url);
import{adrReviewDate}from"./TSBDVT7X.js";import"./KQNQOIBO.js";import"./LH3ZORV3.js";import"./3VXCQX2O.js";export{adrReviewDate};
