import { createRequire as __ctoCreateRequire } from 'node:module';
const require = __ctoCreateRequire(import.meta.url);
import{adrReviewDate}from"./VRXSF67K.js";import"./Z5N7STAZ.js";import"./LH3ZORV3.js";import"./3VXCQX2O.js";export{adrReviewDate};
