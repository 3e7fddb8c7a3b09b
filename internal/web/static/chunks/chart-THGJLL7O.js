import{g as r}from"./chunk-WFC3LWW4.js";import"./chunk-EYWANE45.js";import"./chunk-VC46IEJQ.js";async function o(t){r(t)}export{o as default};
