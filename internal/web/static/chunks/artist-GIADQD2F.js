import{b as a,c as b}from"./chunk-5CSP323W.js";import"./chunk-NHSXSQGX.js";import"./chunk-WFC3LWW4.js";import"./chunk-EYWANE45.js";import"./chunk-VC46IEJQ.js";export{b as default,a as ranks};
