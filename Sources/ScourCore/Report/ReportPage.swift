/// The fixed parts of `report.html`: its style and the small script that sorts, filters and
/// pages the document table. Nothing is fetched: the page works from a file, offline.
enum ReportPage {
    static let style = """
    <style>body{font:15px/1.5 system-ui,sans-serif;max-width:72em;margin:2em auto;padding:0 1em;color:#222}
    table{border-collapse:collapse}th,td{padding:.1em .6em;text-align:left;vertical-align:top}
    .cut{color:#b00;text-decoration:line-through;opacity:.8}.rule{text-decoration:none;display:inline-block;
    font:12px monospace;background:#fee;color:#700;padding:0 .3em;margin-right:.4em}.ev{color:#777;font-size:12px}
    section{border-top:1px solid #ccc;margin-top:2em;content-visibility:auto;contain-intrinsic-size:auto 900px}
    .src{color:#777;font-size:13px}.note{color:#555;font-style:italic}
    .charts{display:flex;flex-wrap:wrap;gap:0 2em}.chart{margin:1em 0}.chart figcaption{font-weight:600}
    .chart svg{font:12px system-ui,sans-serif;overflow:visible}.chart rect{fill:#4a78b5}.chart .other rect{fill:#9aa7b8}
    .chart .none{color:#777;margin:0}.stages td:nth-child(n+2){text-align:right}details{margin:.5em 0}
    details p{font:12px monospace;color:#555}#filters{display:flex;flex-wrap:wrap;gap:.4em 1.2em;align-items:center;
    margin:.5em 0;font-size:14px}#filters input{width:5em}#filters select{max-width:16em}#docs{width:100%;font-size:13px}
    #docs thead th{position:sticky;top:0;background:#f4f4f4}#docs th button{font:inherit;font-weight:600;border:0;
    background:none;cursor:pointer;padding:0}#docs th[aria-sort=ascending] button::after{content:" ▲"}
    #docs th[aria-sort=descending] button::after{content:" ▼"}#docs tbody tr:nth-child(even){background:#f8f8f8}
    #docs th,#docs td:nth-child(5){white-space:nowrap}#docs td:nth-child(1),#docs td:nth-child(6),#docs td:nth-child(7){text-align:right}
    #timing{color:#999;font-size:12px}</style>
    """

    /// Reads the rows' JSON once into plain objects; sorting and filtering work on that list
    /// and only the rows of the current page are built and put in the table, so the page
    /// loads and changes at the cost of one page however many documents there are. The query
    /// string (`?outlet=…&lang=…&wmin=…&wmax=…&rmin=…&rmax=…&sort=…&desc=1&page=…`) sets the
    /// filters on load and follows them. Page text only ever goes in as text (`textContent`).
    static let script = """
    <script>(function(){
    "use strict";
    var table=document.getElementById("docs"),data=document.getElementById("rows");if(!table||!data)return;
    var body=table.tBodies[0],form=document.getElementById("filters"),shown=document.getElementById("shown"),
    pager=document.getElementById("pager"),size=+table.dataset.page,fields=["outlet","lang","wmin","wmax","rmin","rmax"],
    state={sort:"n",desc:false,page:0},NONE="\(DocumentTable.none)";
    var rows=JSON.parse(data.textContent).map(function(d){return{n:d[0],label:d[1],source:d[2],title:d[1].toLowerCase(),
    outlet:d[3]===null?NONE:d[3],lang:d[4]===null?NONE:d[4],date:d[5]||"",words:d[6],removed:d[7],dup:d[8]||"",
    detailed:d[9]===1,known:[d[3],d[4],d[5]],tr:null};});
    var match=rows;
    function cell(tr,text){var td=tr.insertCell();td.textContent=text;return td;}
    function build(r){if(r.tr)return r.tr;var tr=document.createElement("tr"),d=tr.dataset;d.n=r.n;
    if(r.known[0]!==null)d.outlet=r.known[0];if(r.known[1]!==null)d.lang=r.known[1];if(r.known[2]!==null)d.date=r.known[2];
    d.words=r.words;d.removed=r.removed;if(r.dup)d.dup="";cell(tr,r.n);
    var name=document.createElement(r.detailed?"a":"span");if(r.detailed)name.href="#doc-"+r.n;name.title=r.source;
    name.textContent=r.label;tr.insertCell().appendChild(name);
    cell(tr,r.known[0]||"");cell(tr,r.known[1]||"");cell(tr,r.date);cell(tr,r.words);cell(tr,Math.round(r.removed*100)+"%");
    cell(tr,r.dup?"duplicate of "+r.dup:"");return r.tr=tr;}
    function number(name){var v=form.elements[name].value;return v===""?null:+v;}
    function filter(){
    var o=form.elements.outlet.value,l=form.elements.lang.value,w0=number("wmin"),w1=number("wmax"),r0=number("rmin"),r1=number("rmax");
    match=rows.filter(function(r){var p=r.removed*100;return(o===""||r.outlet===o)&&(l===""||r.lang===l)&&
    (w0===null||r.words>=w0)&&(w1===null||r.words<=w1)&&(r0===null||p>=r0-1e-9)&&(r1===null||p<=r1+1e-9);});}
    function sort(){var k=state.sort,s=state.desc?-1:1;
    match.sort(function(a,b){var x=a[k],y=b[k];return x<y?-s:x>y?s:a.n-b.n;});}
    function render(){
    var pages=Math.max(1,Math.ceil(match.length/size));state.page=Math.max(0,Math.min(state.page,pages-1));
    var part=match.slice(state.page*size,(state.page+1)*size).map(build);
    body.replaceChildren.apply(body,part);
    shown.dataset.shown=match.length;shown.value=match.length+" of "+rows.length+" documents";
    pager.querySelector("span").textContent="page "+(state.page+1)+" of "+pages;
    Array.prototype.forEach.call(table.tHead.rows[0].cells,function(th){
    if(th.dataset.key===state.sort)th.setAttribute("aria-sort",state.desc?"descending":"ascending");else th.removeAttribute("aria-sort");});}
    function remember(){var q=new URLSearchParams();fields.forEach(function(f){var v=form.elements[f].value;if(v!=="")q.set(f,v);});
    if(state.sort!=="n")q.set("sort",state.sort);if(state.desc)q.set("desc","1");if(state.page)q.set("page",state.page+1);
    try{history.replaceState(null,"",location.pathname+(q.toString()?"?"+q:"")+location.hash);}catch(e){}}
    function update(){filter();sort();render();remember();}
    var q=new URLSearchParams(location.search);
    fields.forEach(function(f){if(q.has(f))form.elements[f].value=q.get(f);});
    if(q.has("sort"))state.sort=q.get("sort");state.desc=q.get("desc")==="1";state.page=Math.max(0,(+q.get("page")||1)-1);
    filter();sort();render();
    form.addEventListener("input",function(){state.page=0;update();});
    form.addEventListener("reset",function(){setTimeout(function(){state.page=0;update();},0);});
    form.addEventListener("submit",function(e){e.preventDefault();});
    table.tHead.addEventListener("click",function(e){var th=e.target.closest("th");if(!th)return;
    var k=th.dataset.key;state.desc=state.sort===k?!state.desc:(k==="words"||k==="removed");state.sort=k;state.page=0;update();});
    pager.addEventListener("click",function(e){var step=+e.target.dataset.step;if(!step)return;state.page+=step;render();remember();});
    })();
    window.addEventListener("load",function(){var t=document.getElementById("timing");
    if(t){var ms=Math.round(performance.now());t.dataset.loadMs=ms;t.textContent="page ready in "+ms+" ms";}});
    </script>
    """
}
