import{g as o}from"./chunk-WFC3LWW4.js";import"./chunk-EYWANE45.js";import"./chunk-VC46IEJQ.js";async function r(e){o(e)}export{r as default};
