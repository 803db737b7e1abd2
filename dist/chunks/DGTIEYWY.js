import { createRequire as __ctoCreateRequire } from 'node:module';
const require = __ctoCreateRequire(import.meta.url);
import{require_picomatch}from"./4RKBMHMI.js";import"./3VXCQX2O.js";export default require_picomatch();
