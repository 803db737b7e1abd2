import { createRequire as __ctoCreateRequire } from 'node:module';
const require = __ctoCreateRequire(import.meta.url);
function count(n,singular,plural=`${singular}s`){return`${n} ${n===1?singular:plural}`}export{count};
