import { createRequire as __ctoCreateRequire } from 'node:module';
const require = __ctoCreateRequire(import.meta.url);
function globProblem(pattern){if(pattern.length>256)return"must be at most 256 characters";if(pattern.split("/").filter(segment=>segment==="**").length>2)return'must use "**" at most 2 times';for(let segment of pattern.split("/"))if(segment!=="**"){if(segment.includes("**"))return'may use "**" only as a whole path segment';if((segment.match(/\*/g)??[]).length>3)return'must use "*" at most 3 times per path segment'}}export{globProblem};
