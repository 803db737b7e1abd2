import { createRequire as __ctoCreateRequire } from 'node:module';
const require = __ctoCreateRequire(import.meta.url);
import{readAdr}from"./33YM4YZW.js";import"./TFKUBIEQ.js";import"./KQNQOIBO.js";import"./VI4L6CL6.js";import"./3VXCQX2O.js";export{readAdr};
