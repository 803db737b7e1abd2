import { createRequire as __ctoCreateRequire } from 'node:module';
const require = __ctoCreateRequire(import.meta.url);
function labelNames(labels){return(labels??[]).flatMap(label=>typeof label=="string"?[label]:label?.name?[label.name]:[])}export{labelNames};
