import { createRequire as __ctoCreateRequire } from 'node:module';
const require = __ctoCreateRequire(import.meta.url);
import{renderSyncRead}from"./HWT76WHL.js";var syncIssueMarker="<!-- cto-copilot:engineering-sync -->",syncLabel=name=>({name,color:"1d76db",description:"The CTO sync read, rewritten by CTO Co-Pilot after each scorecard run"});function renderSyncIssue(read,scorecard){return[syncIssueMarker,`The CTO sync read of the engineering scorecard of ${scorecard.generatedAt.slice(0,10)} (${scorecard.maturityStage} stage): what stands, the one priority, what waits, the next moves. Each figure comes from \`engineering_scorecard.json\`, where each status says why.`,"",renderSyncRead(read).trimEnd(),"","---","","CTO Co-Pilot rewrites this issue after each scorecard run, so edits to it do not last; discuss in the comments. `sync.issue: false` in `.github/cto-copilot.yml` stops it."].join(`
`)+`
`}export{syncIssueMarker,syncLabel,renderSyncIssue};
