import { createRequire as __ctoCreateRequire } from 'node:module';
const require = __ctoCreateRequire(import.meta.url);
import{resolveConfig}from"./67HPBXXT.js";import"./4IBJCRER.js";import"./VI4L6CL6.js";import{configPath}from"./HUAEAHYC.js";import"./GPYPMI47.js";import"./ARUCH3TY.js";import"./XW6XKKN4.js";import"./3VXCQX2O.js";export{configPath,resolveConfig};
