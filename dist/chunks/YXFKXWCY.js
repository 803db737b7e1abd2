import { createRequire as __ctoCreateRequire } from 'node:module';
const require = __ctoCreateRequire(import.meta.url);
import{child_process,crypto,fs,os,path,stream,util}from"./YEZE6UJW.js";import"./3VXCQX2O.js";export{child_process,crypto,fs,os,path,stream,util};
