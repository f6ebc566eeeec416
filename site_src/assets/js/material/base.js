// Material for MkDocs' inline script from partials/javascripts/base.html, moved to a file so
// the site runs under a Content-Security-Policy without 'unsafe-inline' (see
// tests/test_security.py, which checks this copy against the installed Material), after one
// step of ours: the page says it runs scripts (the root's "no-js" class becomes "js") from
// its first paint, as Material's bundle would say it when it starts, which here is after the
// page's largest paint (js/material-late.js): the parts shown only with scripts (the chart,
// the search) would otherwise appear, and move the page, when it arrives.
document.documentElement.classList.replace("no-js", "js");
__md_scope=new URL(document.currentScript.dataset.scope,location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
