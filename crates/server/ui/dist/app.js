var Is=Object.create;var Or=Object.defineProperty;var Ns=Object.getOwnPropertyDescriptor;var Gs=Object.getOwnPropertyNames;var zs=Object.getPrototypeOf,Ms=Object.prototype.hasOwnProperty;var Br=(a,e)=>()=>{try{return e||a((e={exports:{}}).exports,e),e.exports}catch(t){throw e=0,t}};var Os=(a,e,t,n)=>{if(e&&typeof e=="object"||typeof e=="function")for(let r of Gs(e))!Ms.call(a,r)&&r!==t&&Or(a,r,{get:()=>e[r],enumerable:!(n=Ns(e,r))||n.enumerable});return a};var rt=(a,e,t)=>(t=a!=null?Is(zs(a)):{},Os(e||!a||!a.__esModule?Or(t,"default",{value:a,enumerable:!0}):t,a));var St=Br((cf,Ga)=>{"use strict";var Tt=typeof Reflect=="object"?Reflect:null,Qr=Tt&&typeof Tt.apply=="function"?Tt.apply:function(e,t,n){return Function.prototype.apply.call(e,t,n)},kn;Tt&&typeof Tt.ownKeys=="function"?kn=Tt.ownKeys:Object.getOwnPropertySymbols?kn=function(e){return Object.getOwnPropertyNames(e).concat(Object.getOwnPropertySymbols(e))}:kn=function(e){return Object.getOwnPropertyNames(e)};function Ys(a){console&&console.warn&&console.warn(a)}var ei=Number.isNaN||function(e){return e!==e};function oe(){oe.init.call(this)}Ga.exports=oe;Ga.exports.once=el;oe.EventEmitter=oe;oe.prototype._events=void 0;oe.prototype._eventsCount=0;oe.prototype._maxListeners=void 0;var Jr=10;function Pn(a){if(typeof a!="function")throw new TypeError('The "listener" argument must be of type Function. Received type '+typeof a)}Object.defineProperty(oe,"defaultMaxListeners",{enumerable:!0,get:function(){return Jr},set:function(a){if(typeof a!="number"||a<0||ei(a))throw new RangeError('The value of "defaultMaxListeners" is out of range. It must be a non-negative number. Received '+a+".");Jr=a}});oe.init=function(){(this._events===void 0||this._events===Object.getPrototypeOf(this)._events)&&(this._events=Object.create(null),this._eventsCount=0),this._maxListeners=this._maxListeners||void 0};oe.prototype.setMaxListeners=function(e){if(typeof e!="number"||e<0||ei(e))throw new RangeError('The value of "n" is out of range. It must be a non-negative number. Received '+e+".");return this._maxListeners=e,this};function ti(a){return a._maxListeners===void 0?oe.defaultMaxListeners:a._maxListeners}oe.prototype.getMaxListeners=function(){return ti(this)};oe.prototype.emit=function(e){for(var t=[],n=1;n<arguments.length;n++)t.push(arguments[n]);var r=e==="error",i=this._events;if(i!==void 0)r=r&&i.error===void 0;else if(!r)return!1;if(r){var o;if(t.length>0&&(o=t[0]),o instanceof Error)throw o;var s=new Error("Unhandled error."+(o?" ("+o.message+")":""));throw s.context=o,s}var l=i[e];if(l===void 0)return!1;if(typeof l=="function")Qr(l,this,t);else for(var d=l.length,u=oi(l,d),n=0;n<d;++n)Qr(u[n],this,t);return!0};function ni(a,e,t,n){var r,i,o;if(Pn(t),i=a._events,i===void 0?(i=a._events=Object.create(null),a._eventsCount=0):(i.newListener!==void 0&&(a.emit("newListener",e,t.listener?t.listener:t),i=a._events),o=i[e]),o===void 0)o=i[e]=t,++a._eventsCount;else if(typeof o=="function"?o=i[e]=n?[t,o]:[o,t]:n?o.unshift(t):o.push(t),r=ti(a),r>0&&o.length>r&&!o.warned){o.warned=!0;var s=new Error("Possible EventEmitter memory leak detected. "+o.length+" "+String(e)+" listeners added. Use emitter.setMaxListeners() to increase limit");s.name="MaxListenersExceededWarning",s.emitter=a,s.type=e,s.count=o.length,Ys(s)}return a}oe.prototype.addListener=function(e,t){return ni(this,e,t,!1)};oe.prototype.on=oe.prototype.addListener;oe.prototype.prependListener=function(e,t){return ni(this,e,t,!0)};function Zs(){if(!this.fired)return this.target.removeListener(this.type,this.wrapFn),this.fired=!0,arguments.length===0?this.listener.call(this.target):this.listener.apply(this.target,arguments)}function ai(a,e,t){var n={fired:!1,wrapFn:void 0,target:a,type:e,listener:t},r=Zs.bind(n);return r.listener=t,n.wrapFn=r,r}oe.prototype.once=function(e,t){return Pn(t),this.on(e,ai(this,e,t)),this};oe.prototype.prependOnceListener=function(e,t){return Pn(t),this.prependListener(e,ai(this,e,t)),this};oe.prototype.removeListener=function(e,t){var n,r,i,o,s;if(Pn(t),r=this._events,r===void 0)return this;if(n=r[e],n===void 0)return this;if(n===t||n.listener===t)--this._eventsCount===0?this._events=Object.create(null):(delete r[e],r.removeListener&&this.emit("removeListener",e,n.listener||t));else if(typeof n!="function"){for(i=-1,o=n.length-1;o>=0;o--)if(n[o]===t||n[o].listener===t){s=n[o].listener,i=o;break}if(i<0)return this;i===0?n.shift():Qs(n,i),n.length===1&&(r[e]=n[0]),r.removeListener!==void 0&&this.emit("removeListener",e,s||t)}return this};oe.prototype.off=oe.prototype.removeListener;oe.prototype.removeAllListeners=function(e){var t,n,r;if(n=this._events,n===void 0)return this;if(n.removeListener===void 0)return arguments.length===0?(this._events=Object.create(null),this._eventsCount=0):n[e]!==void 0&&(--this._eventsCount===0?this._events=Object.create(null):delete n[e]),this;if(arguments.length===0){var i=Object.keys(n),o;for(r=0;r<i.length;++r)o=i[r],o!=="removeListener"&&this.removeAllListeners(o);return this.removeAllListeners("removeListener"),this._events=Object.create(null),this._eventsCount=0,this}if(t=n[e],typeof t=="function")this.removeListener(e,t);else if(t!==void 0)for(r=t.length-1;r>=0;r--)this.removeListener(e,t[r]);return this};function ri(a,e,t){var n=a._events;if(n===void 0)return[];var r=n[e];return r===void 0?[]:typeof r=="function"?t?[r.listener||r]:[r]:t?Js(r):oi(r,r.length)}oe.prototype.listeners=function(e){return ri(this,e,!0)};oe.prototype.rawListeners=function(e){return ri(this,e,!1)};oe.listenerCount=function(a,e){return typeof a.listenerCount=="function"?a.listenerCount(e):ii.call(a,e)};oe.prototype.listenerCount=ii;function ii(a){var e=this._events;if(e!==void 0){var t=e[a];if(typeof t=="function")return 1;if(t!==void 0)return t.length}return 0}oe.prototype.eventNames=function(){return this._eventsCount>0?kn(this._events):[]};function oi(a,e){for(var t=new Array(e),n=0;n<e;++n)t[n]=a[n];return t}function Qs(a,e){for(;e+1<a.length;e++)a[e]=a[e+1];a.pop()}function Js(a){for(var e=new Array(a.length),t=0;t<e.length;++t)e[t]=a[t].listener||a[t];return e}function el(a,e){return new Promise(function(t,n){function r(o){a.removeListener(e,i),n(o)}function i(){typeof a.removeListener=="function"&&a.removeListener("error",r),t([].slice.call(arguments))}si(a,e,i,{once:!0}),e!=="error"&&tl(a,r,{once:!0})})}function tl(a,e,t){typeof a.on=="function"&&si(a,"error",e,t)}function si(a,e,t,n){if(typeof a.on=="function")n.once?a.once(e,t):a.on(e,t);else if(typeof a.addEventListener=="function")a.addEventListener(e,function r(i){n.once&&a.removeEventListener(e,r),t(i)});else throw new TypeError('The "emitter" argument must be of type EventEmitter. Received type '+typeof a)}});var rr=Br((wf,Yi)=>{Yi.exports=function(e){return e!==null&&typeof e=="object"&&typeof e.addUndirectedEdgeWithKey=="function"&&typeof e.dropNode=="function"&&typeof e.multi=="boolean"}});var ze=class extends Error{constructor(e,t){let n=t&&t.error||{};super(n.message||`HTTP ${e}`),this.status=e,this.hint=n.hint||null,this.span=n.span||null,this.rendered=n.rendered||null}};async function Fe(a,e,t){let n=new URL(a,location.origin);for(let[o,s]of Object.entries(e||{}))s!=null&&s!==""&&n.searchParams.set(o,String(s));let r=await fetch(n,{signal:t,headers:{Accept:"application/json"}}),i=null;try{i=await r.json()}catch{i=null}if(!r.ok)throw new ze(r.status,i);return i}var Kt=encodeURIComponent,Ca=null;async function An(a){return Ca||(Ca=Fe("/api/v1/openapi.json").then(e=>new Set(Object.keys(e.paths||{}))).catch(()=>new Set)),(await Ca).has(a)}var ve={clusters:()=>Fe("/api/v1/clusters"),graph:(a,e)=>Fe("/api/v1/graph",a,e),search:(a,e)=>Fe("/api/v1/search",{q:a},e),node:a=>Fe(`/api/v1/nodes/${Kt(a)}`),why:a=>Fe(`/api/v1/why/${Kt(a)}`),deps:(a,e)=>Fe(`/api/v1/show/deps/${Kt(a)}`,{depth:e}),pods:a=>Fe(`/api/v1/show/pods/${Kt(a)}`),config:a=>Fe(`/api/v1/show/config/${Kt(a)}`),complete:(a,e,t)=>Fe("/api/v1/complete",{q:a,pos:e},t),reach:(a,e,t)=>Fe("/api/v1/reach",{src:a,dst:e,port:t})};function Rn(a){let e=a.split("/");if(e.length<5)return null;let[t,,n,r,...i]=e,o=i.join("/"),s=d=>JSON.stringify(d),l=`cluster = ${s(t)} and kind = ${s(n)} and name = ${s(o)}`;return l+=r==="_"?" and namespace = null":` and namespace = ${s(r)}`,l}var Wr=new TextEncoder,Bs=new TextDecoder;function Ws(a,e){return Wr.encode(a.slice(0,e)).length}function Yt(a,e){return Bs.decode(Wr.encode(a).slice(0,e)).length}var Us=[["is(pod)","kind"],["is(deployment)","kind"],["is(statefulset)","kind"],["is(daemonset)","kind"],["is(replicaset)","kind"],["is(job)","kind"],["is(cronjob)","kind"],["is(service)","kind"],["is(ingress)","kind"],["is(configmap)","kind"],["is(secret)","kind"],["is(serviceaccount)","kind"],["is(pvc)","kind"],["is(pv)","kind"],["is(storageclass)","kind"],["is(node)","kind"],["is(networkpolicy)","kind"],["is(workload)","kind"],["is(config)","kind"],["is(volume)","kind"],["health = error","value"],["health = warning","value"],["health != ok","value"],["health.reason ~ ","path"],["namespace = ","path"],["name = ","path"],["name ~ ","path"],["kind = ","path"],["labels.app = ","path"],["missing","keyword"],["age > 1d","value"],["status.phase = ","path"],["spec.replicas","path"],["and","keyword"],["or","keyword"],["not","keyword"],["has(","keyword"],["with(any, ","keyword"],["-->","edge"],["<--","edge"],["-owns->","edge"],["<-owns-","edge"],["-selects->","edge"],["<-selects-","edge"],["-uses->","edge"],["<-uses-","edge"],["-mounts->","edge"],["-routes->","edge"],["-binds->","edge"],["-runs_on->","edge"],["-can_reach->","edge"],["<-can_reach-","edge"],["| count","command"],["| list","command"],["| sort name","command"],["| head 10","command"]];function $s(a,e){let t=e;for(;t>0&&/[\w.()<>|=!~-]/.test(a[t-1]);)t--;let n=a.slice(t,e).toLowerCase();if(!n)return{from:t,to:e,items:[]};let r=Us.filter(([i])=>i.toLowerCase().startsWith(n)&&i.toLowerCase()!==n).slice(0,12).map(([i,o])=>({text:i,kind:o}));return{from:t,to:e,items:r}}var _t=null;async function Ur(a,e,t){if(_t===null&&(_t=!!await An("/api/v1/complete")),_t!==!1)try{let n=await ve.complete(a,Ws(a,e),t);return _t=!0,{from:Yt(a,n.from),to:Yt(a,n.to),items:n.items||[],server:!0}}catch(n){if(n.name==="AbortError")throw n;if(n instanceof ze&&n.status===404&&/route/i.test(n.message))_t=!1;else if(_t)return{from:e,to:e,items:[]}}return{...$s(a,e),server:!1}}function N(a,e,...t){let n=document.createElement(a);if(e){for(let[r,i]of Object.entries(e))if(!(i==null||i===!1))if(r.startsWith("on")&&typeof i=="function")n.addEventListener(r.slice(2),i);else if(r==="class")n.className=i;else if(r==="dataset")Object.assign(n.dataset,i);else{if(r==="style")throw new Error("no style attributes: the CSP forbids them");n.setAttribute(r,i===!0?"":String(i))}}return La(n,t),n}function La(a,e){for(let t of e)t==null||t===!1||(Array.isArray(t)?La(a,t):t instanceof Node?a.appendChild(t):a.appendChild(document.createTextNode(String(t))))}function ue(a,...e){return a.replaceChildren(),La(a,e),a}function Se(a,e,...t){let n=document.createElementNS("http://www.w3.org/2000/svg",a);for(let[r,i]of Object.entries(e||{}))n.setAttribute(r,String(i));for(let r of t)r&&n.appendChild(r);return n}function Zt(a){return String(a).replace(/[&<>"']/g,e=>({"&":"&amp;","<":"&lt;",">":"&gt;",'"':"&quot;","'":"&apos;"})[e])}function $r(a,e){if(!a)return"";let t=Date.parse(a);if(Number.isNaN(t))return a;let n=Math.max(0,Math.round(((e??Date.now())-t)/1e3));if(n<60)return`${n}s ago`;let r=Math.round(n/60);if(r<60)return`${r}m ago`;let i=Math.round(r/60);return i<48?`${i}h ago`:`${Math.round(i/24)}d ago`}function ka(a,e){let t=null,n=(...r)=>{clearTimeout(t),t=setTimeout(()=>a(...r),e)};return n.cancel=()=>clearTimeout(t),n}var Dn=class{constructor(e){this.handlers=e,this.es=null}start(){this.es&&this.es.close();let e=new EventSource("/api/v1/events");this.es=e,e.addEventListener("open",()=>this.handlers.open()),e.addEventListener("error",()=>this.handlers.error(e.readyState===EventSource.CLOSED)),e.addEventListener("changes",t=>{let n;try{n=JSON.parse(t.data)}catch{return}this.handlers.changes(n)}),e.addEventListener("reset",()=>this.handlers.reset())}};var Hs=["bg","canvas","panel","fg","muted","line","box","box-line","accent","ok","warning","error","unknown","path","select"],ne={dark:!1};function Pa(){let a=getComputedStyle(document.documentElement);for(let e of Hs)ne[e.replace("-","_")]=a.getPropertyValue(`--${e}`).trim()||"#888";return ne.dark=matchMedia("(prefers-color-scheme: dark)").matches,ne}function Hr(a){matchMedia("(prefers-color-scheme: dark)").addEventListener("change",()=>{Pa(),a()})}function ye(a){return ne[a]||ne.unknown}function Qt(a,e){let t=/^#([0-9a-f]{6})$/i.exec(a);if(!t)return a;let n=parseInt(t[1],16);return`rgba(${n>>16&255}, ${n>>8&255}, ${n&255}, ${e})`}var Vs={owns:"#8c959f",selects:"#0969da",routes:"#8250df",backs:"#a371f7",mounts:"#1b7c83",uses:"#0a8fb8",binds:"#bf3989",provisions:"#6639ba",runs_on:"#57606a",scales:"#953800",applies_to:"#0550ae",attaches:"#6e7781"},js={owns:"#6e7681",selects:"#4493f8",routes:"#a371f7",backs:"#bc8cff",mounts:"#39c5cf",uses:"#56d4dd",binds:"#db61a2",provisions:"#8957e5",runs_on:"#8b949e",scales:"#f0883e",applies_to:"#79c0ff",attaches:"#8b949e"};function it(a){return(ne.dark?js:Vs)[a]||ne.muted}var Cn={owns:"owns (controller of)",selects:"selects (label selector)",routes:"routes traffic to",backs:"backs (endpoints)",mounts:"mounts as a volume",uses:"uses (env, pull secret, account)",binds:"binds (claim ↔ volume)",provisions:"provisions (storage class)",runs_on:"runs on (node)",scales:"scales",applies_to:"applies to (policy)",attaches:"attaches"};function jr(a){let e=structuredClone(a||{});for(let n of["data","stringData"])e[n]&&typeof e[n]=="object"&&(e[n]=Object.fromEntries(Object.keys(e[n]).map(r=>[r,"(value not shown)"])));let t=e.metadata?.annotations;return t&&delete t["kubectl.kubernetes.io/last-applied-configuration"],e}function Vr(a){if(a==null)return"null";if(typeof a=="number"||typeof a=="boolean")return String(a);let e=String(a);return e===""||/^[\s-?:,[\]{}#&*!|>'"%@`]|[:#]\s|\s$|^(true|false|null|yes|no|~|[-+]?[0-9.]+)$/i.test(e)||e.includes(`
`)?JSON.stringify(e):e}function Jt(a,e=""){if(Array.isArray(a))return a.length?a.map(t=>{let n=Jt(t,`${e}  `);return typeof t=="object"&&t!==null&&Object.keys(t).length?`${e}- ${n.trimStart()}`:`${e}- ${n}`}).join(`
`):"[]";if(a&&typeof a=="object"){let t=Object.keys(a);return t.length?t.map(n=>{let r=a[n],i=Vr(n);return r&&typeof r=="object"&&(Array.isArray(r)?r.length:Object.keys(r).length)?`${e}${i}:
${Jt(r,Array.isArray(r)?e:`${e}  `)}`:`${e}${i}: ${Jt(r,`${e}  `)}`}).join(`
`):"{}"}return Vr(a)}var qr=new Set(["Pod","Deployment","StatefulSet","DaemonSet","ReplicaSet","Job","CronJob","ReplicationController"]),qs=new Set(["Deployment","StatefulSet","DaemonSet","ReplicaSet","Job","CronJob","ReplicationController","Service"]);function Fa(a,e){return N("span",{class:`hdot ${e?"hollow":a}`,title:e?"missing":a,"aria-hidden":"true"})}function Xs(a){return N("span",{class:`hlabel ${a}`},a)}var Ln=class{constructor(e,t){this.el=e,this.app=t,this.id=null,this.token=0,this.action=null}close(){this.id=null,this.action=null,this.el.hidden=!0,ue(this.el)}async show(e,{keepAction:t=!1}={}){let n=++this.token;this.id!==e?this.action=null:t||(this.action=null),this.id=e,this.el.hidden=!1;let r;try{r=await ve.node(e)}catch(i){if(n!==this.token)return;ue(this.el,this.closeButton(),N("h2",null,e.split("/").slice(-1)[0]),N("p",{class:"note"},i instanceof ze&&i.status===404?"This object is no longer in the landscape.":`Could not load it: ${i.message}`));return}n===this.token&&(this.detail=r,this.render(r),this.action&&this.run(this.action.name,this.action.arg))}closeButton(){return N("button",{type:"button",class:"btn ghost close","aria-label":"Close details (Esc)",title:"Close (Esc)",onclick:()=>this.app.clearSelection()},"✕")}link(e,t,n,r){return N("span",null,n?[Fa(n,r)," "]:null,N("button",{type:"button",class:"link",dataset:{id:e},onclick:()=>this.app.select(e,{focus:!0})},t))}render(e){let t=this.app.drawnNode(e.id),n=this.app.drawnFor(e.id),r=[];e.missing&&r.push(N("span",{class:"badge missing"},"missing: referenced, does not exist")),t&&t.root_cause&&r.push(N("span",{class:"badge root"},"root cause"));let i=[e.kind,e.namespace?`namespace ${e.namespace}`:"cluster-scoped",`cluster ${e.cluster}`];e.age&&i.push(`age ${e.age}`);let o=[];t&&n===e.id&&t.members>0?o.push(N("p",{class:"note"},`Drawn as one node for itself and ${t.members} owned object${t.members===1?"":"s"}${t.badge?` (${t.badge})`:""}. `,t.expandable?N("button",{type:"button",class:"link",onclick:()=>this.app.expand(e.id)},"Expand on the canvas"):null)):n&&n!==e.id?o.push(N("p",{class:"note"},"On the canvas inside ",N("button",{type:"button",class:"link",onclick:()=>this.app.select(n,{focus:!0})},n.split("/").slice(2).join(" ")),". ",N("button",{type:"button",class:"link",onclick:()=>this.app.expand(n)},"Expand it"))):n||o.push(N("p",{class:"note"},"Not drawn in this view.")),this.app.isExpanded(e.id)&&o.push(N("p",{class:"note"},N("button",{type:"button",class:"link",onclick:()=>this.app.collapse(e.id)},"Collapse its owned objects again")));let s=N("div",{class:"actions",role:"group","aria-label":"Actions"}),l=(h,m,v,p)=>N("button",{type:"button",class:"btn",title:v,onclick:()=>this.run(h,p?p():void 0)},m);s.append(l("why","Why?","The causal path down to the root causes, and what to fix"));let d=N("input",{type:"number",min:1,max:32,value:3,"aria-label":"Dependency depth",title:"Depth"});s.append(l("deps","Dependencies","What it depends on, as deep as the number says",()=>Number(d.value)||3),d),qs.has(e.kind)&&s.append(l("pods","Pods","Its pods")),qr.has(e.kind)&&s.append(l("config","Config & storage","Config maps, secrets, service account, claims, volumes, classes")),(qr.has(e.kind)||e.kind==="Service")&&(s.append(l("reachIn","Who can reach it","Workloads whose connections the network policies admit, with ports")),s.append(l("reachOut","Whom it reaches","Workloads it may connect to, with ports"))),this.resultEl=N("div",{class:"result-wrap","aria-live":"polite"});let u=e.events.length?e.events.map(h=>N("div",{class:"event"},N("span",{class:`cat ${h.category}`},h.category)," ",N("b",null,h.reason),h.count>1?` ×${h.count}`:""," ",N("span",{class:"when",title:h.last||""},h.last?$r(h.last,this.app.now()):""),N("div",null,h.message))):[N("p",{class:"note"},"No events.")],c=(h,m)=>{let v=new Map;for(let y of h)v.has(y.kind)||v.set(y.kind,[]),v.get(y.kind).push(y);let p=[];for(let[y,b]of[...v].sort((_,x)=>_[0].localeCompare(x[0])))p.push(N("div",{class:"group-title",title:Cn[y]||y},m==="out"?`${y} →`:`← ${y}`)),p.push(N("ul",{class:"rows"},b.map(_=>N("li",null,this.link(_.other.id,_.label,_.state,_.other.missing),Xr(_.attrs)?N("span",{class:"how"},Xr(_.attrs)):null))));return p.length?p:[N("p",{class:"note"},"None.")]},g=h=>{let m=Object.keys(h||{});return m.length?N("dl",null,m.map(v=>[N("dt",null,v),N("dd",null,h[v])])):N("p",{class:"note"},"None.")},f;if(e.kind==="Secret"&&e.group===""){let h=Object.keys(e.object?.data||{}).concat(Object.keys(e.object?.stringData||{}));f=[N("p",{class:"note"},h.length?`Keys: ${h.join(", ")}. Values are never read by kubegraph.`:"No keys. Values are never read by kubegraph."),N("pre",{class:"yaml"},Jt(jr(e.object)))]}else f=[N("pre",{class:"yaml"},e.yaml||"")];ue(this.el,this.closeButton(),N("div",{class:"kind-line"},i.join(" · ")),N("h2",{id:"pane-title"},e.name),r.length?N("div",{class:"kind-line"},r):null,N("div",{class:"health"},Fa(e.state,e.missing),N("div",null,Xs(e.state),N("div",{class:"reason"},e.reason))),o,s,this.resultEl,N("h3",null,"Events, newest first"),u,N("h3",null,"Relations out"),c(e.out_edges.filter(h=>h.kind!=="contains"&&h.kind!=="about"),"out"),N("h3",null,"Relations in"),c(e.in_edges.filter(h=>h.kind!=="about"),"in"),N("h3",null,"Labels"),g(e.labels),N("h3",null,"Annotations"),g(e.annotations),N("details",null,N("summary",null,N("h3",{class:"inline"},"YAML")),f)),this.el.setAttribute("aria-labelledby","pane-title")}async run(e,t){let n=this.id;this.action={name:e,arg:t};let r=N("div",{class:"result"},N("p",{class:"note"},"…"));ue(this.resultEl,r);try{e==="why"?await this.why(n,r):e==="deps"?await this.deps(n,t,r):e==="pods"?await this.rows(n,r,"pods"):e==="config"?await this.rows(n,r,"config"):e==="reachIn"?await this.reach(n,r,"in"):e==="reachOut"&&await this.reach(n,r,"out")}catch(i){this.id===n&&ue(r,N("p",{class:"note"},i.message),i.hint?N("p",{class:"note"},i.hint):null)}}async why(e,t){let n=await ve.why(e);if(this.id!==e)return;let r=[],i=[],o=[];for(let l of n.explanations){let d=(c,g)=>{r.push([g,c.id]);for(let f of c.also)r.push([c.id,f.id]);c.children.forEach(f=>d(f,c.id))};if(d(l.tree,null),i.push(...l.root_causes.map(c=>c.id)),l.healthy){o.push(N("p",null,Fa("ok")," ",`${l.target.kind} ${l.target.name} is healthy, and so is everything it depends on.`));continue}let u=c=>N("li",null,c.via?N("span",{class:"via"},`${c.via} → `):null,this.link(c.id,`${c.kind} ${c.namespace?`${c.namespace}/`:""}${c.name}`,c.state,c.missing),c.root_cause?[" ",N("span",{class:"badge root"},"root cause")]:null,N("span",{class:"r-reason"},c.reason),c.events.map(g=>N("span",{class:"r-reason"},`${g.reason}${g.count>1?` ×${g.count}`:""}: ${g.message}`)),c.children.length?N("ul",{class:"tree"},c.children.map(u)):null);o.push(N("ul",{class:"tree top"},u(l.tree)));for(let c of l.root_causes)o.push(N("div",{class:"fix"},N("b",null,"Fix: "),c.fix,N("div",{class:"r-reason"},`${c.kind} ${c.namespace?`${c.namespace}/`:""}${c.name}: ${c.reason}`)))}let s=this.app.setPath("why",r,i);ue(t,N("h4",null,"Why"),o,this.notDrawn(s))}notDrawn(e){return e.length?N("p",{class:"note"},`${e.length} of these objects ${e.length===1?"is":"are"} not in this view. `,N("button",{type:"button",class:"link",onclick:()=>this.app.drawOnly(e)},"Draw only these")):null}async deps(e,t,n){let r=await ve.deps(e,t);if(this.id!==e)return;let i=[],o=(d,u)=>{i.push([u,d.id]),d.children.forEach(c=>o(c,d.id))};r.forEach(d=>o(d,null));let s=d=>N("li",null,d.via?N("span",{class:"via"},`${d.via} → `):null,this.link(d.id,d.label,d.state,d.label.endsWith("(missing)")),d.reason&&d.state!=="ok"?N("span",{class:"r-reason"},d.reason):null,d.note?N("span",{class:"r-reason"},d.note):null,d.children.length?N("ul",{class:"tree"},d.children.map(s)):null),l=this.app.setPath("deps",i,[]);ue(n,N("h4",null,`Dependencies, ${t} level${t===1?"":"s"} deep`),N("ul",{class:"tree top"},r.map(s)),this.notDrawn(l))}async rows(e,t,n){let r=n==="pods"?await ve.pods(e):await ve.config(e);if(this.id!==e)return;let i=n==="pods"?r.pods:r.config,o=this.app.setPath(n,i.map(s=>[e,s.id]),[]);ue(t,N("h4",null,n==="pods"?`Pods (${i.length})`:`Config and storage (${i.length})`),i.length?N("ul",{class:"rows"},i.map(s=>N("li",null,N("div",null,this.link(s.id,`${s.kind} ${s.name}`,s.state,s.missing),s.how?N("span",{class:"how"},` ${s.how.trim()}`):null,s.state!=="ok"&&s.reason?N("span",{class:"r-reason"},s.reason):null)))):N("p",{class:"note"},n==="pods"?"No pods.":"Nothing referenced."),this.notDrawn(o))}async reach(e,t,n){let r=Rn(e),i=n==="out"?`${r} -can_reach-> is(pod)`:`${r} <-can_reach- is(pod)`,o=await ve.search(i);if(this.id!==e)return;let s=o.nodes.slice(0,40),l=new Map,d=await An("/api/v1/reach");for(let u of d?s.slice(0,12):[])try{let c=n==="out"?await ve.reach(e,u.id):await ve.reach(u.id,e);l.set(u.id,c.allowed?c.connections||"all ports":"denied")}catch{}this.app.setPath(n==="out"?"reach":"reached",s.map(u=>n==="out"?[e,u.id]:[u.id,e]),[]),ue(t,N("h4",null,n==="out"?`Whom it reaches (${o.nodes.length} pods)`:`Who can reach it (${o.nodes.length} pods)`),s.length?N("ul",{class:"rows"},s.map(u=>N("li",null,this.link(u.id,`${u.kind} ${u.namespace?`${u.namespace}/`:""}${u.name}`,null,u.missing),l.has(u.id)?N("span",{class:"how"},l.get(u.id)):null))):N("p",{class:"note"},n==="out"?"The network policies let it connect to no pod.":"The network policies let no pod connect to it."),o.nodes.length>s.length?N("p",{class:"note"},`and ${o.nodes.length-s.length} more`):null,d?null:N("p",{class:"note"},"Ports per connection need /api/v1/reach, which this server does not have yet; `kubegraph connectivity` lists them."))}};function Xr(a){if(!a||typeof a!="object")return"";let e=[];return Array.isArray(a.via)&&e.push(a.via.join(", ")),Array.isArray(a.keys)&&a.keys.length&&e.push(`keys ${a.keys.join(", ")}`),Array.isArray(a.volumes)&&a.volumes.length&&e.push(`volume ${a.volumes.join(", ")}`),a.optional&&e.push("optional"),a.controller&&e.push("controller"),e.length?` ${e.join("; ")}`:""}function Ia(a,e){let t=URL.createObjectURL(a),n=document.createElement("a");n.href=t,n.download=e,document.body.appendChild(n),n.click(),n.remove(),setTimeout(()=>URL.revokeObjectURL(t),1e4)}function Na(){return new Date().toISOString().replace(/[:.]/g,"-").slice(0,19)}async function Kr(a){let e=await a.snapshot(),t=await new Promise(n=>e.toBlob(n,"image/png"));Ia(t,`kubegraph-${Na()}.png`)}function Ks(a){let e=a.boxes,t=1/0,n=1/0,r=-1/0,i=-1/0;for(let h of e)t=Math.min(t,h.x),n=Math.min(n,h.y-4),r=Math.max(r,h.x+h.w),i=Math.max(i,h.y+h.h);Number.isFinite(t)||([t,n,r,i]=[0,0,100,100]);let o=4,s=[],l=10,d=h=>((h-t+o)*l).toFixed(1),u=h=>((h-n+o)*l).toFixed(1),c=(r-t+2*o)*l,g=(i-n+2*o)*l;s.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${c.toFixed(0)}" height="${g.toFixed(0)}" viewBox="0 0 ${c.toFixed(0)} ${g.toFixed(0)}" font-family="system-ui, sans-serif">`),s.push(`<rect width="100%" height="100%" fill="${ne.canvas}"/>`),s.push('<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="context-stroke"/></marker></defs>');for(let h of e){let m=h.state==="error"||h.state==="warning",v=h.kind==="cluster";s.push(`<g><rect x="${d(h.x)}" y="${u(h.y)}" width="${(h.w*l).toFixed(1)}" height="${(h.h*l).toFixed(1)}" rx="8" fill="${v?"none":ne.box}" stroke="${m?ye(h.state):ne.box_line}" stroke-width="${m?2:1}"${v?' stroke-dasharray="6 4"':""}/>`);let p=h.counts.ok+h.counts.unknown+h.counts.warning+h.counts.error,y=v?Number(u(h.y))-6:Number(u(h.y))+18;s.push(`<text x="${Number(d(h.x))+8}" y="${y}" font-size="13" font-weight="600" fill="${ne.fg}">${Zt(v?`cluster ${h.label}`:h.label)} <tspan font-weight="400" fill="${ne.muted}">${h.counts.error?`${h.counts.error} error · `:""}${h.counts.warning?`${h.counts.warning} warning · `:""}${p} objects</tspan></text></g>`)}let f=a.graph;return f.forEachEdge((h,m,v,p,y,b)=>{m.hidden||s.push(`<line x1="${d(y.gx)}" y1="${u(y.gy)}" x2="${d(b.gx)}" y2="${u(b.gy)}" stroke="${it(m.kind)}" stroke-width="1.5" marker-end="url(#arrow)"${m.dash?' stroke-dasharray="5 4"':""} opacity="0.75"><title>${Zt(m.kind)}</title></line>`)}),f.forEachNode((h,m)=>{if(a.fading.has(h))return;let v=Number(d(m.gx)),p=Number(u(m.gy)),y=m.size*l,b=m.missing?ne.canvas:ye(m.health),_=m.missing?` stroke="${ye(m.health)}" stroke-width="2" stroke-dasharray="3 2"`:"",x;m.shape==="square"?x=`<rect x="${(v-y*.85).toFixed(1)}" y="${(p-y*.85).toFixed(1)}" width="${(y*1.7).toFixed(1)}" height="${(y*1.7).toFixed(1)}" rx="${(y*.25).toFixed(1)}" fill="${b}"${_}/>`:m.shape==="diamond"?x=`<path d="M${v} ${p-y} L${v+y} ${p} L${v} ${p+y} L${v-y} ${p} Z" fill="${b}"${_}/>`:m.shape==="triangle"?x=`<path d="M${v} ${p-y} L${v+y*.9} ${p+y*.7} L${v-y*.9} ${p+y*.7} Z" fill="${b}"${_}/>`:x=`<circle cx="${v}" cy="${p}" r="${y.toFixed(1)}" fill="${b}"${_}/>`;let T=a.highlight!==null&&!m.hl?' opacity="0.2"':"";s.push(`<g${T}>${x}<text x="${(v+y+4).toFixed(1)}" y="${(p+4).toFixed(1)}" font-size="11" fill="${ne.fg}">${Zt(m.label)}</text><title>${Zt(`${m.data.kind} ${m.data.namespace?`${m.data.namespace}/`:""}${m.data.label}: ${m.data.state}, ${m.data.reason}`)}</title></g>`)}),s.push("</svg>"),s.join(`
`)}function Yr(a){Ia(new Blob([Ks(a)],{type:"image/svg+xml"}),`kubegraph-${Na()}.svg`)}function Zr(a,e,t){let n=a.topo||{},r=a.graph.mapNodes((o,s)=>({...s.data,x:s.gx,y:s.gy})),i={view:{q:e.q,mode:e.mode,group:e.group,problems:e.problems,selected:e.sel,expand:e.expand},url:location.href,summary:n.summary,selected:n.selected,nodes:r,edges:a.graph.mapEdges((o,s)=>s.data),boxes:a.boxes,legend:n.legend,highlighted:t};Ia(new Blob([JSON.stringify(i,null,2)],{type:"application/json"}),`kubegraph-${Na()}.json`)}var ci=rt(St(),1);function nl(){let a=arguments[0];for(let e=1,t=arguments.length;e<t;e++)if(arguments[e])for(let n in arguments[e])a[n]=arguments[e][n];return a}var ce=nl;typeof Object.assign=="function"&&(ce=Object.assign);function we(a,e,t,n){let r=a._nodes.get(e),i=null;return r&&(n==="mixed"?i=r.out&&r.out[t]||r.undirected&&r.undirected[t]:n==="directed"?i=r.out&&r.out[t]:i=r.undirected&&r.undirected[t]),i}function fe(a){return typeof a=="object"&&a!==null}function hi(a){let e;for(e in a)return!1;return!0}function Ee(a,e,t){Object.defineProperty(a,e,{enumerable:!1,configurable:!1,writable:!0,value:t})}function Ie(a,e,t){let n={enumerable:!0,configurable:!0};typeof t=="function"?n.get=t:(n.value=t,n.writable=!1),Object.defineProperty(a,e,n)}function li(a){return!(!fe(a)||a.attributes&&!Array.isArray(a.attributes))}function al(){let a=Math.floor(Math.random()*256)&255;return()=>a++}function $e(){let a=arguments,e=null,t=-1;return{[Symbol.iterator](){return this},next(){let n=null;do{if(e===null){if(t++,t>=a.length)return{done:!0};e=a[t][Symbol.iterator]()}if(n=e.next(),n.done){e=null;continue}break}while(!0);return n}}}function wt(){return{[Symbol.iterator](){return this},next(){return{done:!0}}}}var nn=class extends Error{constructor(e){super(),this.name="GraphError",this.message=e}},$=class a extends nn{constructor(e){super(e),this.name="InvalidArgumentsGraphError",typeof Error.captureStackTrace=="function"&&Error.captureStackTrace(this,a.prototype.constructor)}},W=class a extends nn{constructor(e){super(e),this.name="NotFoundGraphError",typeof Error.captureStackTrace=="function"&&Error.captureStackTrace(this,a.prototype.constructor)}},X=class a extends nn{constructor(e){super(e),this.name="UsageGraphError",typeof Error.captureStackTrace=="function"&&Error.captureStackTrace(this,a.prototype.constructor)}};function fi(a,e){this.key=a,this.attributes=e,this.clear()}fi.prototype.clear=function(){this.inDegree=0,this.outDegree=0,this.undirectedDegree=0,this.undirectedLoops=0,this.directedLoops=0,this.in={},this.out={},this.undirected={}};function gi(a,e){this.key=a,this.attributes=e,this.clear()}gi.prototype.clear=function(){this.inDegree=0,this.outDegree=0,this.directedLoops=0,this.in={},this.out={}};function pi(a,e){this.key=a,this.attributes=e,this.clear()}pi.prototype.clear=function(){this.undirectedDegree=0,this.undirectedLoops=0,this.undirected={}};function At(a,e,t,n,r){this.key=e,this.attributes=r,this.undirected=a,this.source=t,this.target=n}At.prototype.attach=function(){let a="out",e="in";this.undirected&&(a=e="undirected");let t=this.source.key,n=this.target.key;this.source[a][n]=this,!(this.undirected&&t===n)&&(this.target[e][t]=this)};At.prototype.attachMulti=function(){let a="out",e="in",t=this.source.key,n=this.target.key;this.undirected&&(a=e="undirected");let r=this.source[a],i=r[n];if(typeof i>"u"){r[n]=this,this.undirected&&t===n||(this.target[e][t]=this);return}i.previous=this,this.next=i,r[n]=this,this.target[e][t]=this};At.prototype.detach=function(){let a=this.source.key,e=this.target.key,t="out",n="in";this.undirected&&(t=n="undirected"),delete this.source[t][e],delete this.target[n][a]};At.prototype.detachMulti=function(){let a=this.source.key,e=this.target.key,t="out",n="in";this.undirected&&(t=n="undirected"),this.previous===void 0?this.next===void 0?(delete this.source[t][e],delete this.target[n][a]):(this.next.previous=void 0,this.source[t][e]=this.next,this.target[n][a]=this.next):(this.previous.next=this.next,this.next!==void 0&&(this.next.previous=this.previous))};var vi=0,mi=1,rl=2,yi=3;function He(a,e,t,n,r,i,o){let s,l,d,u;if(n=""+n,t===vi){if(s=a._nodes.get(n),!s)throw new W(`Graph.${e}: could not find the "${n}" node in the graph.`);d=r,u=i}else if(t===yi){if(r=""+r,l=a._edges.get(r),!l)throw new W(`Graph.${e}: could not find the "${r}" edge in the graph.`);let c=l.source.key,g=l.target.key;if(n===c)s=l.target;else if(n===g)s=l.source;else throw new W(`Graph.${e}: the "${n}" node is not attached to the "${r}" edge (${c}, ${g}).`);d=i,u=o}else{if(l=a._edges.get(n),!l)throw new W(`Graph.${e}: could not find the "${n}" edge in the graph.`);t===mi?s=l.source:s=l.target,d=r,u=i}return[s,d,u]}function il(a,e,t){a.prototype[e]=function(n,r,i){let[o,s]=He(this,e,t,n,r,i);return o.attributes[s]}}function ol(a,e,t){a.prototype[e]=function(n,r){let[i]=He(this,e,t,n,r);return i.attributes}}function sl(a,e,t){a.prototype[e]=function(n,r,i){let[o,s]=He(this,e,t,n,r,i);return o.attributes.hasOwnProperty(s)}}function ll(a,e,t){a.prototype[e]=function(n,r,i,o){let[s,l,d]=He(this,e,t,n,r,i,o);return s.attributes[l]=d,this.emit("nodeAttributesUpdated",{key:s.key,type:"set",attributes:s.attributes,name:l}),this}}function dl(a,e,t){a.prototype[e]=function(n,r,i,o){let[s,l,d]=He(this,e,t,n,r,i,o);if(typeof d!="function")throw new $(`Graph.${e}: updater should be a function.`);let u=s.attributes,c=d(u[l]);return u[l]=c,this.emit("nodeAttributesUpdated",{key:s.key,type:"set",attributes:s.attributes,name:l}),this}}function ul(a,e,t){a.prototype[e]=function(n,r,i){let[o,s]=He(this,e,t,n,r,i);return delete o.attributes[s],this.emit("nodeAttributesUpdated",{key:o.key,type:"remove",attributes:o.attributes,name:s}),this}}function cl(a,e,t){a.prototype[e]=function(n,r,i){let[o,s]=He(this,e,t,n,r,i);if(!fe(s))throw new $(`Graph.${e}: provided attributes are not a plain object.`);return o.attributes=s,this.emit("nodeAttributesUpdated",{key:o.key,type:"replace",attributes:o.attributes}),this}}function hl(a,e,t){a.prototype[e]=function(n,r,i){let[o,s]=He(this,e,t,n,r,i);if(!fe(s))throw new $(`Graph.${e}: provided attributes are not a plain object.`);return ce(o.attributes,s),this.emit("nodeAttributesUpdated",{key:o.key,type:"merge",attributes:o.attributes,data:s}),this}}function fl(a,e,t){a.prototype[e]=function(n,r,i){let[o,s]=He(this,e,t,n,r,i);if(typeof s!="function")throw new $(`Graph.${e}: provided updater is not a function.`);return o.attributes=s(o.attributes),this.emit("nodeAttributesUpdated",{key:o.key,type:"update",attributes:o.attributes}),this}}var gl=[{name:a=>`get${a}Attribute`,attacher:il},{name:a=>`get${a}Attributes`,attacher:ol},{name:a=>`has${a}Attribute`,attacher:sl},{name:a=>`set${a}Attribute`,attacher:ll},{name:a=>`update${a}Attribute`,attacher:dl},{name:a=>`remove${a}Attribute`,attacher:ul},{name:a=>`replace${a}Attributes`,attacher:cl},{name:a=>`merge${a}Attributes`,attacher:hl},{name:a=>`update${a}Attributes`,attacher:fl}];function pl(a){gl.forEach(function({name:e,attacher:t}){t(a,e("Node"),vi),t(a,e("Source"),mi),t(a,e("Target"),rl),t(a,e("Opposite"),yi)})}function vl(a,e,t){a.prototype[e]=function(n,r){let i;if(this.type!=="mixed"&&t!=="mixed"&&t!==this.type)throw new X(`Graph.${e}: cannot find this type of edges in your ${this.type} graph.`);if(arguments.length>2){if(this.multi)throw new X(`Graph.${e}: cannot use a {source,target} combo when asking about an edge's attributes in a MultiGraph since we cannot infer the one you want information about.`);let o=""+n,s=""+r;if(r=arguments[2],i=we(this,o,s,t),!i)throw new W(`Graph.${e}: could not find an edge for the given path ("${o}" - "${s}").`)}else{if(t!=="mixed")throw new X(`Graph.${e}: calling this method with only a key (vs. a source and target) does not make sense since an edge with this key could have the other type.`);if(n=""+n,i=this._edges.get(n),!i)throw new W(`Graph.${e}: could not find the "${n}" edge in the graph.`)}return i.attributes[r]}}function ml(a,e,t){a.prototype[e]=function(n){let r;if(this.type!=="mixed"&&t!=="mixed"&&t!==this.type)throw new X(`Graph.${e}: cannot find this type of edges in your ${this.type} graph.`);if(arguments.length>1){if(this.multi)throw new X(`Graph.${e}: cannot use a {source,target} combo when asking about an edge's attributes in a MultiGraph since we cannot infer the one you want information about.`);let i=""+n,o=""+arguments[1];if(r=we(this,i,o,t),!r)throw new W(`Graph.${e}: could not find an edge for the given path ("${i}" - "${o}").`)}else{if(t!=="mixed")throw new X(`Graph.${e}: calling this method with only a key (vs. a source and target) does not make sense since an edge with this key could have the other type.`);if(n=""+n,r=this._edges.get(n),!r)throw new W(`Graph.${e}: could not find the "${n}" edge in the graph.`)}return r.attributes}}function yl(a,e,t){a.prototype[e]=function(n,r){let i;if(this.type!=="mixed"&&t!=="mixed"&&t!==this.type)throw new X(`Graph.${e}: cannot find this type of edges in your ${this.type} graph.`);if(arguments.length>2){if(this.multi)throw new X(`Graph.${e}: cannot use a {source,target} combo when asking about an edge's attributes in a MultiGraph since we cannot infer the one you want information about.`);let o=""+n,s=""+r;if(r=arguments[2],i=we(this,o,s,t),!i)throw new W(`Graph.${e}: could not find an edge for the given path ("${o}" - "${s}").`)}else{if(t!=="mixed")throw new X(`Graph.${e}: calling this method with only a key (vs. a source and target) does not make sense since an edge with this key could have the other type.`);if(n=""+n,i=this._edges.get(n),!i)throw new W(`Graph.${e}: could not find the "${n}" edge in the graph.`)}return i.attributes.hasOwnProperty(r)}}function bl(a,e,t){a.prototype[e]=function(n,r,i){let o;if(this.type!=="mixed"&&t!=="mixed"&&t!==this.type)throw new X(`Graph.${e}: cannot find this type of edges in your ${this.type} graph.`);if(arguments.length>3){if(this.multi)throw new X(`Graph.${e}: cannot use a {source,target} combo when asking about an edge's attributes in a MultiGraph since we cannot infer the one you want information about.`);let s=""+n,l=""+r;if(r=arguments[2],i=arguments[3],o=we(this,s,l,t),!o)throw new W(`Graph.${e}: could not find an edge for the given path ("${s}" - "${l}").`)}else{if(t!=="mixed")throw new X(`Graph.${e}: calling this method with only a key (vs. a source and target) does not make sense since an edge with this key could have the other type.`);if(n=""+n,o=this._edges.get(n),!o)throw new W(`Graph.${e}: could not find the "${n}" edge in the graph.`)}return o.attributes[r]=i,this.emit("edgeAttributesUpdated",{key:o.key,type:"set",attributes:o.attributes,name:r}),this}}function xl(a,e,t){a.prototype[e]=function(n,r,i){let o;if(this.type!=="mixed"&&t!=="mixed"&&t!==this.type)throw new X(`Graph.${e}: cannot find this type of edges in your ${this.type} graph.`);if(arguments.length>3){if(this.multi)throw new X(`Graph.${e}: cannot use a {source,target} combo when asking about an edge's attributes in a MultiGraph since we cannot infer the one you want information about.`);let s=""+n,l=""+r;if(r=arguments[2],i=arguments[3],o=we(this,s,l,t),!o)throw new W(`Graph.${e}: could not find an edge for the given path ("${s}" - "${l}").`)}else{if(t!=="mixed")throw new X(`Graph.${e}: calling this method with only a key (vs. a source and target) does not make sense since an edge with this key could have the other type.`);if(n=""+n,o=this._edges.get(n),!o)throw new W(`Graph.${e}: could not find the "${n}" edge in the graph.`)}if(typeof i!="function")throw new $(`Graph.${e}: updater should be a function.`);return o.attributes[r]=i(o.attributes[r]),this.emit("edgeAttributesUpdated",{key:o.key,type:"set",attributes:o.attributes,name:r}),this}}function _l(a,e,t){a.prototype[e]=function(n,r){let i;if(this.type!=="mixed"&&t!=="mixed"&&t!==this.type)throw new X(`Graph.${e}: cannot find this type of edges in your ${this.type} graph.`);if(arguments.length>2){if(this.multi)throw new X(`Graph.${e}: cannot use a {source,target} combo when asking about an edge's attributes in a MultiGraph since we cannot infer the one you want information about.`);let o=""+n,s=""+r;if(r=arguments[2],i=we(this,o,s,t),!i)throw new W(`Graph.${e}: could not find an edge for the given path ("${o}" - "${s}").`)}else{if(t!=="mixed")throw new X(`Graph.${e}: calling this method with only a key (vs. a source and target) does not make sense since an edge with this key could have the other type.`);if(n=""+n,i=this._edges.get(n),!i)throw new W(`Graph.${e}: could not find the "${n}" edge in the graph.`)}return delete i.attributes[r],this.emit("edgeAttributesUpdated",{key:i.key,type:"remove",attributes:i.attributes,name:r}),this}}function Tl(a,e,t){a.prototype[e]=function(n,r){let i;if(this.type!=="mixed"&&t!=="mixed"&&t!==this.type)throw new X(`Graph.${e}: cannot find this type of edges in your ${this.type} graph.`);if(arguments.length>2){if(this.multi)throw new X(`Graph.${e}: cannot use a {source,target} combo when asking about an edge's attributes in a MultiGraph since we cannot infer the one you want information about.`);let o=""+n,s=""+r;if(r=arguments[2],i=we(this,o,s,t),!i)throw new W(`Graph.${e}: could not find an edge for the given path ("${o}" - "${s}").`)}else{if(t!=="mixed")throw new X(`Graph.${e}: calling this method with only a key (vs. a source and target) does not make sense since an edge with this key could have the other type.`);if(n=""+n,i=this._edges.get(n),!i)throw new W(`Graph.${e}: could not find the "${n}" edge in the graph.`)}if(!fe(r))throw new $(`Graph.${e}: provided attributes are not a plain object.`);return i.attributes=r,this.emit("edgeAttributesUpdated",{key:i.key,type:"replace",attributes:i.attributes}),this}}function Sl(a,e,t){a.prototype[e]=function(n,r){let i;if(this.type!=="mixed"&&t!=="mixed"&&t!==this.type)throw new X(`Graph.${e}: cannot find this type of edges in your ${this.type} graph.`);if(arguments.length>2){if(this.multi)throw new X(`Graph.${e}: cannot use a {source,target} combo when asking about an edge's attributes in a MultiGraph since we cannot infer the one you want information about.`);let o=""+n,s=""+r;if(r=arguments[2],i=we(this,o,s,t),!i)throw new W(`Graph.${e}: could not find an edge for the given path ("${o}" - "${s}").`)}else{if(t!=="mixed")throw new X(`Graph.${e}: calling this method with only a key (vs. a source and target) does not make sense since an edge with this key could have the other type.`);if(n=""+n,i=this._edges.get(n),!i)throw new W(`Graph.${e}: could not find the "${n}" edge in the graph.`)}if(!fe(r))throw new $(`Graph.${e}: provided attributes are not a plain object.`);return ce(i.attributes,r),this.emit("edgeAttributesUpdated",{key:i.key,type:"merge",attributes:i.attributes,data:r}),this}}function El(a,e,t){a.prototype[e]=function(n,r){let i;if(this.type!=="mixed"&&t!=="mixed"&&t!==this.type)throw new X(`Graph.${e}: cannot find this type of edges in your ${this.type} graph.`);if(arguments.length>2){if(this.multi)throw new X(`Graph.${e}: cannot use a {source,target} combo when asking about an edge's attributes in a MultiGraph since we cannot infer the one you want information about.`);let o=""+n,s=""+r;if(r=arguments[2],i=we(this,o,s,t),!i)throw new W(`Graph.${e}: could not find an edge for the given path ("${o}" - "${s}").`)}else{if(t!=="mixed")throw new X(`Graph.${e}: calling this method with only a key (vs. a source and target) does not make sense since an edge with this key could have the other type.`);if(n=""+n,i=this._edges.get(n),!i)throw new W(`Graph.${e}: could not find the "${n}" edge in the graph.`)}if(typeof r!="function")throw new $(`Graph.${e}: provided updater is not a function.`);return i.attributes=r(i.attributes),this.emit("edgeAttributesUpdated",{key:i.key,type:"update",attributes:i.attributes}),this}}var wl=[{name:a=>`get${a}Attribute`,attacher:vl},{name:a=>`get${a}Attributes`,attacher:ml},{name:a=>`has${a}Attribute`,attacher:yl},{name:a=>`set${a}Attribute`,attacher:bl},{name:a=>`update${a}Attribute`,attacher:xl},{name:a=>`remove${a}Attribute`,attacher:_l},{name:a=>`replace${a}Attributes`,attacher:Tl},{name:a=>`merge${a}Attributes`,attacher:Sl},{name:a=>`update${a}Attributes`,attacher:El}];function Al(a){wl.forEach(function({name:e,attacher:t}){t(a,e("Edge"),"mixed"),t(a,e("DirectedEdge"),"directed"),t(a,e("UndirectedEdge"),"undirected")})}var Rl=[{name:"edges",type:"mixed"},{name:"inEdges",type:"directed",direction:"in"},{name:"outEdges",type:"directed",direction:"out"},{name:"inboundEdges",type:"mixed",direction:"in"},{name:"outboundEdges",type:"mixed",direction:"out"},{name:"directedEdges",type:"directed"},{name:"undirectedEdges",type:"undirected"}];function Dl(a,e,t,n){let r=!1;for(let i in e){if(i===n)continue;let o=e[i];if(r=t(o.key,o.attributes,o.source.key,o.target.key,o.source.attributes,o.target.attributes,o.undirected),a&&r)return o.key}}function Cl(a,e,t,n){let r,i,o,s=!1;for(let l in e)if(l!==n){r=e[l];do{if(i=r.source,o=r.target,s=t(r.key,r.attributes,i.key,o.key,i.attributes,o.attributes,r.undirected),a&&s)return r.key;r=r.next}while(r!==void 0)}}function za(a,e){let t=Object.keys(a),n=t.length,r,i=0;return{[Symbol.iterator](){return this},next(){do if(r)r=r.next;else{if(i>=n)return{done:!0};let o=t[i++];if(o===e){r=void 0;continue}r=a[o]}while(!r);return{done:!1,value:{edge:r.key,attributes:r.attributes,source:r.source.key,target:r.target.key,sourceAttributes:r.source.attributes,targetAttributes:r.target.attributes,undirected:r.undirected}}}}}function Ll(a,e,t,n){let r=e[t];if(!r)return;let i=r.source,o=r.target;if(n(r.key,r.attributes,i.key,o.key,i.attributes,o.attributes,r.undirected)&&a)return r.key}function kl(a,e,t,n){let r=e[t];if(!r)return;let i=!1;do{if(i=n(r.key,r.attributes,r.source.key,r.target.key,r.source.attributes,r.target.attributes,r.undirected),a&&i)return r.key;r=r.next}while(r!==void 0)}function Ma(a,e){let t=a[e];if(t.next!==void 0)return{[Symbol.iterator](){return this},next(){if(!t)return{done:!0};let r={edge:t.key,attributes:t.attributes,source:t.source.key,target:t.target.key,sourceAttributes:t.source.attributes,targetAttributes:t.target.attributes,undirected:t.undirected};return t=t.next,{done:!1,value:r}}};let n=!1;return{[Symbol.iterator](){return this},next(){return n===!0?{done:!0}:(n=!0,{done:!1,value:{edge:t.key,attributes:t.attributes,source:t.source.key,target:t.target.key,sourceAttributes:t.source.attributes,targetAttributes:t.target.attributes,undirected:t.undirected}})}}}function Pl(a,e){if(a.size===0)return[];if(e==="mixed"||e===a.type)return Array.from(a._edges.keys());let t=e==="undirected"?a.undirectedSize:a.directedSize,n=new Array(t),r=e==="undirected",i=a._edges.values(),o=0,s,l;for(;s=i.next(),s.done!==!0;)l=s.value,l.undirected===r&&(n[o++]=l.key);return n}function bi(a,e,t,n){if(e.size===0)return;let r=t!=="mixed"&&t!==e.type,i=t==="undirected",o,s,l=!1,d=e._edges.values();for(;o=d.next(),o.done!==!0;){if(s=o.value,r&&s.undirected!==i)continue;let{key:u,attributes:c,source:g,target:f}=s;if(l=n(u,c,g.key,f.key,g.attributes,f.attributes,s.undirected),a&&l)return u}}function Fl(a,e){if(a.size===0)return wt();let t=e!=="mixed"&&e!==a.type,n=e==="undirected",r=a._edges.values();return{[Symbol.iterator](){return this},next(){let i,o;for(;;){if(i=r.next(),i.done)return i;if(o=i.value,!(t&&o.undirected!==n))break}return{value:{edge:o.key,attributes:o.attributes,source:o.source.key,target:o.target.key,sourceAttributes:o.source.attributes,targetAttributes:o.target.attributes,undirected:o.undirected},done:!1}}}}function Oa(a,e,t,n,r,i){let o=e?Cl:Dl,s;if(t!=="undirected"&&(n!=="out"&&(s=o(a,r.in,i),a&&s)||n!=="in"&&(s=o(a,r.out,i,n?void 0:r.key),a&&s))||t!=="directed"&&(s=o(a,r.undirected,i),a&&s))return s}function Il(a,e,t,n){let r=[];return Oa(!1,a,e,t,n,function(i){r.push(i)}),r}function Nl(a,e,t){let n=wt();return a!=="undirected"&&(e!=="out"&&typeof t.in<"u"&&(n=$e(n,za(t.in))),e!=="in"&&typeof t.out<"u"&&(n=$e(n,za(t.out,e?void 0:t.key)))),a!=="directed"&&typeof t.undirected<"u"&&(n=$e(n,za(t.undirected))),n}function Ba(a,e,t,n,r,i,o){let s=t?kl:Ll,l;if(e!=="undirected"&&(typeof r.in<"u"&&n!=="out"&&(l=s(a,r.in,i,o),a&&l)||typeof r.out<"u"&&n!=="in"&&(n||r.key!==i)&&(l=s(a,r.out,i,o),a&&l))||e!=="directed"&&typeof r.undirected<"u"&&(l=s(a,r.undirected,i,o),a&&l))return l}function Gl(a,e,t,n,r){let i=[];return Ba(!1,a,e,t,n,r,function(o){i.push(o)}),i}function zl(a,e,t,n){let r=wt();return a!=="undirected"&&(typeof t.in<"u"&&e!=="out"&&n in t.in&&(r=$e(r,Ma(t.in,n))),typeof t.out<"u"&&e!=="in"&&n in t.out&&(e||t.key!==n)&&(r=$e(r,Ma(t.out,n)))),a!=="directed"&&typeof t.undirected<"u"&&n in t.undirected&&(r=$e(r,Ma(t.undirected,n))),r}function Ml(a,e){let{name:t,type:n,direction:r}=e;a.prototype[t]=function(i,o){if(n!=="mixed"&&this.type!=="mixed"&&n!==this.type)return[];if(!arguments.length)return Pl(this,n);if(arguments.length===1){i=""+i;let s=this._nodes.get(i);if(typeof s>"u")throw new W(`Graph.${t}: could not find the "${i}" node in the graph.`);return Il(this.multi,n==="mixed"?this.type:n,r,s)}if(arguments.length===2){i=""+i,o=""+o;let s=this._nodes.get(i);if(!s)throw new W(`Graph.${t}:  could not find the "${i}" source node in the graph.`);if(!this._nodes.has(o))throw new W(`Graph.${t}:  could not find the "${o}" target node in the graph.`);return Gl(n,this.multi,r,s,o)}throw new $(`Graph.${t}: too many arguments (expecting 0, 1 or 2 and got ${arguments.length}).`)}}function Ol(a,e){let{name:t,type:n,direction:r}=e,i="forEach"+t[0].toUpperCase()+t.slice(1,-1);a.prototype[i]=function(d,u,c){if(!(n!=="mixed"&&this.type!=="mixed"&&n!==this.type)){if(arguments.length===1)return c=d,bi(!1,this,n,c);if(arguments.length===2){d=""+d,c=u;let g=this._nodes.get(d);if(typeof g>"u")throw new W(`Graph.${i}: could not find the "${d}" node in the graph.`);return Oa(!1,this.multi,n==="mixed"?this.type:n,r,g,c)}if(arguments.length===3){d=""+d,u=""+u;let g=this._nodes.get(d);if(!g)throw new W(`Graph.${i}:  could not find the "${d}" source node in the graph.`);if(!this._nodes.has(u))throw new W(`Graph.${i}:  could not find the "${u}" target node in the graph.`);return Ba(!1,n,this.multi,r,g,u,c)}throw new $(`Graph.${i}: too many arguments (expecting 1, 2 or 3 and got ${arguments.length}).`)}};let o="map"+t[0].toUpperCase()+t.slice(1);a.prototype[o]=function(){let d=Array.prototype.slice.call(arguments),u=d.pop(),c;if(d.length===0){let g=0;n!=="directed"&&(g+=this.undirectedSize),n!=="undirected"&&(g+=this.directedSize),c=new Array(g);let f=0;d.push((h,m,v,p,y,b,_)=>{c[f++]=u(h,m,v,p,y,b,_)})}else c=[],d.push((g,f,h,m,v,p,y)=>{c.push(u(g,f,h,m,v,p,y))});return this[i].apply(this,d),c};let s="filter"+t[0].toUpperCase()+t.slice(1);a.prototype[s]=function(){let d=Array.prototype.slice.call(arguments),u=d.pop(),c=[];return d.push((g,f,h,m,v,p,y)=>{u(g,f,h,m,v,p,y)&&c.push(g)}),this[i].apply(this,d),c};let l="reduce"+t[0].toUpperCase()+t.slice(1);a.prototype[l]=function(){let d=Array.prototype.slice.call(arguments);if(d.length<2||d.length>4)throw new $(`Graph.${l}: invalid number of arguments (expecting 2, 3 or 4 and got ${d.length}).`);if(typeof d[d.length-1]=="function"&&typeof d[d.length-2]!="function")throw new $(`Graph.${l}: missing initial value. You must provide it because the callback takes more than one argument and we cannot infer the initial value from the first iteration, as you could with a simple array.`);let u,c;d.length===2?(u=d[0],c=d[1],d=[]):d.length===3?(u=d[1],c=d[2],d=[d[0]]):d.length===4&&(u=d[2],c=d[3],d=[d[0],d[1]]);let g=c;return d.push((f,h,m,v,p,y,b)=>{g=u(g,f,h,m,v,p,y,b)}),this[i].apply(this,d),g}}function Bl(a,e){let{name:t,type:n,direction:r}=e,i="find"+t[0].toUpperCase()+t.slice(1,-1);a.prototype[i]=function(l,d,u){if(n!=="mixed"&&this.type!=="mixed"&&n!==this.type)return!1;if(arguments.length===1)return u=l,bi(!0,this,n,u);if(arguments.length===2){l=""+l,u=d;let c=this._nodes.get(l);if(typeof c>"u")throw new W(`Graph.${i}: could not find the "${l}" node in the graph.`);return Oa(!0,this.multi,n==="mixed"?this.type:n,r,c,u)}if(arguments.length===3){l=""+l,d=""+d;let c=this._nodes.get(l);if(!c)throw new W(`Graph.${i}:  could not find the "${l}" source node in the graph.`);if(!this._nodes.has(d))throw new W(`Graph.${i}:  could not find the "${d}" target node in the graph.`);return Ba(!0,n,this.multi,r,c,d,u)}throw new $(`Graph.${i}: too many arguments (expecting 1, 2 or 3 and got ${arguments.length}).`)};let o="some"+t[0].toUpperCase()+t.slice(1,-1);a.prototype[o]=function(){let l=Array.prototype.slice.call(arguments),d=l.pop();return l.push((c,g,f,h,m,v,p)=>d(c,g,f,h,m,v,p)),!!this[i].apply(this,l)};let s="every"+t[0].toUpperCase()+t.slice(1,-1);a.prototype[s]=function(){let l=Array.prototype.slice.call(arguments),d=l.pop();return l.push((c,g,f,h,m,v,p)=>!d(c,g,f,h,m,v,p)),!this[i].apply(this,l)}}function Wl(a,e){let{name:t,type:n,direction:r}=e,i=t.slice(0,-1)+"Entries";a.prototype[i]=function(o,s){if(n!=="mixed"&&this.type!=="mixed"&&n!==this.type)return wt();if(!arguments.length)return Fl(this,n);if(arguments.length===1){o=""+o;let l=this._nodes.get(o);if(!l)throw new W(`Graph.${i}: could not find the "${o}" node in the graph.`);return Nl(n,r,l)}if(arguments.length===2){o=""+o,s=""+s;let l=this._nodes.get(o);if(!l)throw new W(`Graph.${i}:  could not find the "${o}" source node in the graph.`);if(!this._nodes.has(s))throw new W(`Graph.${i}:  could not find the "${s}" target node in the graph.`);return zl(n,r,l,s)}throw new $(`Graph.${i}: too many arguments (expecting 0, 1 or 2 and got ${arguments.length}).`)}}function Ul(a){Rl.forEach(e=>{Ml(a,e),Ol(a,e),Bl(a,e),Wl(a,e)})}var $l=[{name:"neighbors",type:"mixed"},{name:"inNeighbors",type:"directed",direction:"in"},{name:"outNeighbors",type:"directed",direction:"out"},{name:"inboundNeighbors",type:"mixed",direction:"in"},{name:"outboundNeighbors",type:"mixed",direction:"out"},{name:"directedNeighbors",type:"directed"},{name:"undirectedNeighbors",type:"undirected"}];function On(){this.A=null,this.B=null}On.prototype.wrap=function(a){this.A===null?this.A=a:this.B===null&&(this.B=a)};On.prototype.has=function(a){return this.A!==null&&a in this.A||this.B!==null&&a in this.B};function en(a,e,t,n,r){for(let i in n){let o=n[i],s=o.source,l=o.target,d=s===t?l:s;if(e&&e.has(d.key))continue;let u=r(d.key,d.attributes);if(a&&u)return d.key}}function Wa(a,e,t,n,r){if(e!=="mixed"){if(e==="undirected")return en(a,null,n,n.undirected,r);if(typeof t=="string")return en(a,null,n,n[t],r)}let i=new On,o;if(e!=="undirected"){if(t!=="out"){if(o=en(a,null,n,n.in,r),a&&o)return o;i.wrap(n.in)}if(t!=="in"){if(o=en(a,i,n,n.out,r),a&&o)return o;i.wrap(n.out)}}if(e!=="directed"&&(o=en(a,i,n,n.undirected,r),a&&o))return o}function Hl(a,e,t){if(a!=="mixed"){if(a==="undirected")return Object.keys(t.undirected);if(typeof e=="string")return Object.keys(t[e])}let n=[];return Wa(!1,a,e,t,function(r){n.push(r)}),n}function tn(a,e,t){let n=Object.keys(t),r=n.length,i=0;return{[Symbol.iterator](){return this},next(){let o=null;do{if(i>=r)return a&&a.wrap(t),{done:!0};let s=t[n[i++]],l=s.source,d=s.target;if(o=l===e?d:l,a&&a.has(o.key)){o=null;continue}}while(o===null);return{done:!1,value:{neighbor:o.key,attributes:o.attributes}}}}}function Vl(a,e,t){if(a!=="mixed"){if(a==="undirected")return tn(null,t,t.undirected);if(typeof e=="string")return tn(null,t,t[e])}let n=wt(),r=new On;return a!=="undirected"&&(e!=="out"&&(n=$e(n,tn(r,t,t.in))),e!=="in"&&(n=$e(n,tn(r,t,t.out)))),a!=="directed"&&(n=$e(n,tn(r,t,t.undirected))),n}function jl(a,e){let{name:t,type:n,direction:r}=e;a.prototype[t]=function(i){if(n!=="mixed"&&this.type!=="mixed"&&n!==this.type)return[];i=""+i;let o=this._nodes.get(i);if(typeof o>"u")throw new W(`Graph.${t}: could not find the "${i}" node in the graph.`);return Hl(n==="mixed"?this.type:n,r,o)}}function ql(a,e){let{name:t,type:n,direction:r}=e,i="forEach"+t[0].toUpperCase()+t.slice(1,-1);a.prototype[i]=function(d,u){if(n!=="mixed"&&this.type!=="mixed"&&n!==this.type)return;d=""+d;let c=this._nodes.get(d);if(typeof c>"u")throw new W(`Graph.${i}: could not find the "${d}" node in the graph.`);Wa(!1,n==="mixed"?this.type:n,r,c,u)};let o="map"+t[0].toUpperCase()+t.slice(1);a.prototype[o]=function(d,u){let c=[];return this[i](d,(g,f)=>{c.push(u(g,f))}),c};let s="filter"+t[0].toUpperCase()+t.slice(1);a.prototype[s]=function(d,u){let c=[];return this[i](d,(g,f)=>{u(g,f)&&c.push(g)}),c};let l="reduce"+t[0].toUpperCase()+t.slice(1);a.prototype[l]=function(d,u,c){if(arguments.length<3)throw new $(`Graph.${l}: missing initial value. You must provide it because the callback takes more than one argument and we cannot infer the initial value from the first iteration, as you could with a simple array.`);let g=c;return this[i](d,(f,h)=>{g=u(g,f,h)}),g}}function Xl(a,e){let{name:t,type:n,direction:r}=e,i=t[0].toUpperCase()+t.slice(1,-1),o="find"+i;a.prototype[o]=function(d,u){if(n!=="mixed"&&this.type!=="mixed"&&n!==this.type)return;d=""+d;let c=this._nodes.get(d);if(typeof c>"u")throw new W(`Graph.${o}: could not find the "${d}" node in the graph.`);return Wa(!0,n==="mixed"?this.type:n,r,c,u)};let s="some"+i;a.prototype[s]=function(d,u){return!!this[o](d,u)};let l="every"+i;a.prototype[l]=function(d,u){return!this[o](d,(g,f)=>!u(g,f))}}function Kl(a,e){let{name:t,type:n,direction:r}=e,i=t.slice(0,-1)+"Entries";a.prototype[i]=function(o){if(n!=="mixed"&&this.type!=="mixed"&&n!==this.type)return wt();o=""+o;let s=this._nodes.get(o);if(typeof s>"u")throw new W(`Graph.${i}: could not find the "${o}" node in the graph.`);return Vl(n==="mixed"?this.type:n,r,s)}}function Yl(a){$l.forEach(e=>{jl(a,e),ql(a,e),Xl(a,e),Kl(a,e)})}function Fn(a,e,t,n,r){let i=n._nodes.values(),o=n.type,s,l,d,u,c,g,f;for(;s=i.next(),s.done!==!0;){let h=!1;if(l=s.value,o!=="undirected"){u=l.out;for(d in u){c=u[d];do{if(g=c.target,h=!0,f=r(l.key,g.key,l.attributes,g.attributes,c.key,c.attributes,c.undirected),a&&f)return c;c=c.next}while(c)}}if(o!=="directed"){u=l.undirected;for(d in u)if(!(e&&l.key>d)){c=u[d];do{if(g=c.target,g.key!==d&&(g=c.source),h=!0,f=r(l.key,g.key,l.attributes,g.attributes,c.key,c.attributes,c.undirected),a&&f)return c;c=c.next}while(c)}}if(t&&!h&&(f=r(l.key,null,l.attributes,null,null,null,null),a&&f))return null}}function Zl(a,e){let t={key:a};return hi(e.attributes)||(t.attributes=ce({},e.attributes)),t}function Ql(a,e,t){let n={key:e,source:t.source.key,target:t.target.key};return hi(t.attributes)||(n.attributes=ce({},t.attributes)),a==="mixed"&&t.undirected&&(n.undirected=!0),n}function Jl(a){if(!fe(a))throw new $('Graph.import: invalid serialized node. A serialized node should be a plain object with at least a "key" property.');if(!("key"in a))throw new $("Graph.import: serialized node is missing its key.");if("attributes"in a&&(!fe(a.attributes)||a.attributes===null))throw new $("Graph.import: invalid attributes. Attributes should be a plain object, null or omitted.")}function ed(a){if(!fe(a))throw new $('Graph.import: invalid serialized edge. A serialized edge should be a plain object with at least a "source" & "target" property.');if(!("source"in a))throw new $("Graph.import: serialized edge is missing its source.");if(!("target"in a))throw new $("Graph.import: serialized edge is missing its target.");if("attributes"in a&&(!fe(a.attributes)||a.attributes===null))throw new $("Graph.import: invalid attributes. Attributes should be a plain object, null or omitted.");if("undirected"in a&&typeof a.undirected!="boolean")throw new $("Graph.import: invalid undirectedness information. Undirected should be boolean or omitted.")}var td=al(),nd=new Set(["directed","undirected","mixed"]),di=new Set(["domain","_events","_eventsCount","_maxListeners"]),ad=[{name:a=>`${a}Edge`,generateKey:!0},{name:a=>`${a}DirectedEdge`,generateKey:!0,type:"directed"},{name:a=>`${a}UndirectedEdge`,generateKey:!0,type:"undirected"},{name:a=>`${a}EdgeWithKey`},{name:a=>`${a}DirectedEdgeWithKey`,type:"directed"},{name:a=>`${a}UndirectedEdgeWithKey`,type:"undirected"}],rd={allowSelfLoops:!0,multi:!1,type:"mixed"};function id(a,e,t){if(t&&!fe(t))throw new $(`Graph.addNode: invalid attributes. Expecting an object but got "${t}"`);if(e=""+e,t=t||{},a._nodes.has(e))throw new X(`Graph.addNode: the "${e}" node already exist in the graph.`);let n=new a.NodeDataClass(e,t);return a._nodes.set(e,n),a.emit("nodeAdded",{key:e,attributes:t}),n}function ui(a,e,t){let n=new a.NodeDataClass(e,t);return a._nodes.set(e,n),a.emit("nodeAdded",{key:e,attributes:t}),n}function xi(a,e,t,n,r,i,o,s){if(!n&&a.type==="undirected")throw new X(`Graph.${e}: you cannot add a directed edge to an undirected graph. Use the #.addEdge or #.addUndirectedEdge instead.`);if(n&&a.type==="directed")throw new X(`Graph.${e}: you cannot add an undirected edge to a directed graph. Use the #.addEdge or #.addDirectedEdge instead.`);if(s&&!fe(s))throw new $(`Graph.${e}: invalid attributes. Expecting an object but got "${s}"`);if(i=""+i,o=""+o,s=s||{},!a.allowSelfLoops&&i===o)throw new X(`Graph.${e}: source & target are the same ("${i}"), thus creating a loop explicitly forbidden by this graph 'allowSelfLoops' option set to false.`);let l=a._nodes.get(i),d=a._nodes.get(o);if(!l)throw new W(`Graph.${e}: source node "${i}" not found.`);if(!d)throw new W(`Graph.${e}: target node "${o}" not found.`);let u={key:null,undirected:n,source:i,target:o,attributes:s};if(t)r=a._edgeKeyGenerator();else if(r=""+r,a._edges.has(r))throw new X(`Graph.${e}: the "${r}" edge already exists in the graph.`);if(!a.multi&&(n?typeof l.undirected[o]<"u":typeof l.out[o]<"u"))throw new X(`Graph.${e}: an edge linking "${i}" to "${o}" already exists. If you really want to add multiple edges linking those nodes, you should create a multi graph by using the 'multi' option.`);let c=new At(n,r,l,d,s);a._edges.set(r,c);let g=i===o;return n?(l.undirectedDegree++,d.undirectedDegree++,g&&(l.undirectedLoops++,a._undirectedSelfLoopCount++)):(l.outDegree++,d.inDegree++,g&&(l.directedLoops++,a._directedSelfLoopCount++)),a.multi?c.attachMulti():c.attach(),n?a._undirectedSize++:a._directedSize++,u.key=r,a.emit("edgeAdded",u),r}function od(a,e,t,n,r,i,o,s,l){if(!n&&a.type==="undirected")throw new X(`Graph.${e}: you cannot merge/update a directed edge to an undirected graph. Use the #.mergeEdge/#.updateEdge or #.addUndirectedEdge instead.`);if(n&&a.type==="directed")throw new X(`Graph.${e}: you cannot merge/update an undirected edge to a directed graph. Use the #.mergeEdge/#.updateEdge or #.addDirectedEdge instead.`);if(s){if(l){if(typeof s!="function")throw new $(`Graph.${e}: invalid updater function. Expecting a function but got "${s}"`)}else if(!fe(s))throw new $(`Graph.${e}: invalid attributes. Expecting an object but got "${s}"`)}i=""+i,o=""+o;let d;if(l&&(d=s,s=void 0),!a.allowSelfLoops&&i===o)throw new X(`Graph.${e}: source & target are the same ("${i}"), thus creating a loop explicitly forbidden by this graph 'allowSelfLoops' option set to false.`);let u=a._nodes.get(i),c=a._nodes.get(o),g,f;if(!t&&(g=a._edges.get(r),g)){if((g.source.key!==i||g.target.key!==o)&&(!n||g.source.key!==o||g.target.key!==i))throw new X(`Graph.${e}: inconsistency detected when attempting to merge the "${r}" edge with "${i}" source & "${o}" target vs. ("${g.source.key}", "${g.target.key}").`);f=g}if(!f&&!a.multi&&u&&(f=n?u.undirected[o]:u.out[o]),f){let y=[f.key,!1,!1,!1];if(l?!d:!s)return y;if(l){let b=f.attributes;f.attributes=d(b),a.emit("edgeAttributesUpdated",{type:"replace",key:f.key,attributes:f.attributes})}else ce(f.attributes,s),a.emit("edgeAttributesUpdated",{type:"merge",key:f.key,attributes:f.attributes,data:s});return y}s=s||{},l&&d&&(s=d(s));let h={key:null,undirected:n,source:i,target:o,attributes:s};if(t)r=a._edgeKeyGenerator();else if(r=""+r,a._edges.has(r))throw new X(`Graph.${e}: the "${r}" edge already exists in the graph.`);let m=!1,v=!1;u||(u=ui(a,i,{}),m=!0,i===o&&(c=u,v=!0)),c||(c=ui(a,o,{}),v=!0),g=new At(n,r,u,c,s),a._edges.set(r,g);let p=i===o;return n?(u.undirectedDegree++,c.undirectedDegree++,p&&(u.undirectedLoops++,a._undirectedSelfLoopCount++)):(u.outDegree++,c.inDegree++,p&&(u.directedLoops++,a._directedSelfLoopCount++)),a.multi?g.attachMulti():g.attach(),n?a._undirectedSize++:a._directedSize++,h.key=r,a.emit("edgeAdded",h),[r,!0,m,v]}function Et(a,e){a._edges.delete(e.key);let{source:t,target:n,attributes:r}=e,i=e.undirected,o=t===n;i?(t.undirectedDegree--,n.undirectedDegree--,o&&(t.undirectedLoops--,a._undirectedSelfLoopCount--)):(t.outDegree--,n.inDegree--,o&&(t.directedLoops--,a._directedSelfLoopCount--)),a.multi?e.detachMulti():e.detach(),i?a._undirectedSize--:a._directedSize--,a.emit("edgeDropped",{key:e.key,attributes:r,source:t.key,target:n.key,undirected:i})}var ie=class a extends ci.EventEmitter{constructor(e){if(super(),e=ce({},rd,e),typeof e.multi!="boolean")throw new $(`Graph.constructor: invalid 'multi' option. Expecting a boolean but got "${e.multi}".`);if(!nd.has(e.type))throw new $(`Graph.constructor: invalid 'type' option. Should be one of "mixed", "directed" or "undirected" but got "${e.type}".`);if(typeof e.allowSelfLoops!="boolean")throw new $(`Graph.constructor: invalid 'allowSelfLoops' option. Expecting a boolean but got "${e.allowSelfLoops}".`);let t=e.type==="mixed"?fi:e.type==="directed"?gi:pi;Ee(this,"NodeDataClass",t);let n="geid_"+td()+"_",r=0,i=()=>{let o;do o=n+r++;while(this._edges.has(o));return o};Ee(this,"_attributes",{}),Ee(this,"_nodes",new Map),Ee(this,"_edges",new Map),Ee(this,"_directedSize",0),Ee(this,"_undirectedSize",0),Ee(this,"_directedSelfLoopCount",0),Ee(this,"_undirectedSelfLoopCount",0),Ee(this,"_edgeKeyGenerator",i),Ee(this,"_options",e),di.forEach(o=>Ee(this,o,this[o])),Ie(this,"order",()=>this._nodes.size),Ie(this,"size",()=>this._edges.size),Ie(this,"directedSize",()=>this._directedSize),Ie(this,"undirectedSize",()=>this._undirectedSize),Ie(this,"selfLoopCount",()=>this._directedSelfLoopCount+this._undirectedSelfLoopCount),Ie(this,"directedSelfLoopCount",()=>this._directedSelfLoopCount),Ie(this,"undirectedSelfLoopCount",()=>this._undirectedSelfLoopCount),Ie(this,"multi",this._options.multi),Ie(this,"type",this._options.type),Ie(this,"allowSelfLoops",this._options.allowSelfLoops),Ie(this,"implementation",()=>"graphology")}_resetInstanceCounters(){this._directedSize=0,this._undirectedSize=0,this._directedSelfLoopCount=0,this._undirectedSelfLoopCount=0}hasNode(e){return this._nodes.has(""+e)}hasDirectedEdge(e,t){if(this.type==="undirected")return!1;if(arguments.length===1){let n=""+e,r=this._edges.get(n);return!!r&&!r.undirected}else if(arguments.length===2){e=""+e,t=""+t;let n=this._nodes.get(e);return n?n.out.hasOwnProperty(t):!1}throw new $(`Graph.hasDirectedEdge: invalid arity (${arguments.length}, instead of 1 or 2). You can either ask for an edge id or for the existence of an edge between a source & a target.`)}hasUndirectedEdge(e,t){if(this.type==="directed")return!1;if(arguments.length===1){let n=""+e,r=this._edges.get(n);return!!r&&r.undirected}else if(arguments.length===2){e=""+e,t=""+t;let n=this._nodes.get(e);return n?n.undirected.hasOwnProperty(t):!1}throw new $(`Graph.hasDirectedEdge: invalid arity (${arguments.length}, instead of 1 or 2). You can either ask for an edge id or for the existence of an edge between a source & a target.`)}hasEdge(e,t){if(arguments.length===1){let n=""+e;return this._edges.has(n)}else if(arguments.length===2){e=""+e,t=""+t;let n=this._nodes.get(e);return n?typeof n.out<"u"&&n.out.hasOwnProperty(t)||typeof n.undirected<"u"&&n.undirected.hasOwnProperty(t):!1}throw new $(`Graph.hasEdge: invalid arity (${arguments.length}, instead of 1 or 2). You can either ask for an edge id or for the existence of an edge between a source & a target.`)}directedEdge(e,t){if(this.type==="undirected")return;if(e=""+e,t=""+t,this.multi)throw new X("Graph.directedEdge: this method is irrelevant with multigraphs since there might be multiple edges between source & target. See #.directedEdges instead.");let n=this._nodes.get(e);if(!n)throw new W(`Graph.directedEdge: could not find the "${e}" source node in the graph.`);if(!this._nodes.has(t))throw new W(`Graph.directedEdge: could not find the "${t}" target node in the graph.`);let r=n.out&&n.out[t]||void 0;if(r)return r.key}undirectedEdge(e,t){if(this.type==="directed")return;if(e=""+e,t=""+t,this.multi)throw new X("Graph.undirectedEdge: this method is irrelevant with multigraphs since there might be multiple edges between source & target. See #.undirectedEdges instead.");let n=this._nodes.get(e);if(!n)throw new W(`Graph.undirectedEdge: could not find the "${e}" source node in the graph.`);if(!this._nodes.has(t))throw new W(`Graph.undirectedEdge: could not find the "${t}" target node in the graph.`);let r=n.undirected&&n.undirected[t]||void 0;if(r)return r.key}edge(e,t){if(this.multi)throw new X("Graph.edge: this method is irrelevant with multigraphs since there might be multiple edges between source & target. See #.edges instead.");e=""+e,t=""+t;let n=this._nodes.get(e);if(!n)throw new W(`Graph.edge: could not find the "${e}" source node in the graph.`);if(!this._nodes.has(t))throw new W(`Graph.edge: could not find the "${t}" target node in the graph.`);let r=n.out&&n.out[t]||n.undirected&&n.undirected[t]||void 0;if(r)return r.key}areDirectedNeighbors(e,t){e=""+e,t=""+t;let n=this._nodes.get(e);if(!n)throw new W(`Graph.areDirectedNeighbors: could not find the "${e}" node in the graph.`);return this.type==="undirected"?!1:t in n.in||t in n.out}areOutNeighbors(e,t){e=""+e,t=""+t;let n=this._nodes.get(e);if(!n)throw new W(`Graph.areOutNeighbors: could not find the "${e}" node in the graph.`);return this.type==="undirected"?!1:t in n.out}areInNeighbors(e,t){e=""+e,t=""+t;let n=this._nodes.get(e);if(!n)throw new W(`Graph.areInNeighbors: could not find the "${e}" node in the graph.`);return this.type==="undirected"?!1:t in n.in}areUndirectedNeighbors(e,t){e=""+e,t=""+t;let n=this._nodes.get(e);if(!n)throw new W(`Graph.areUndirectedNeighbors: could not find the "${e}" node in the graph.`);return this.type==="directed"?!1:t in n.undirected}areNeighbors(e,t){e=""+e,t=""+t;let n=this._nodes.get(e);if(!n)throw new W(`Graph.areNeighbors: could not find the "${e}" node in the graph.`);return this.type!=="undirected"&&(t in n.in||t in n.out)||this.type!=="directed"&&t in n.undirected}areInboundNeighbors(e,t){e=""+e,t=""+t;let n=this._nodes.get(e);if(!n)throw new W(`Graph.areInboundNeighbors: could not find the "${e}" node in the graph.`);return this.type!=="undirected"&&t in n.in||this.type!=="directed"&&t in n.undirected}areOutboundNeighbors(e,t){e=""+e,t=""+t;let n=this._nodes.get(e);if(!n)throw new W(`Graph.areOutboundNeighbors: could not find the "${e}" node in the graph.`);return this.type!=="undirected"&&t in n.out||this.type!=="directed"&&t in n.undirected}inDegree(e){e=""+e;let t=this._nodes.get(e);if(!t)throw new W(`Graph.inDegree: could not find the "${e}" node in the graph.`);return this.type==="undirected"?0:t.inDegree}outDegree(e){e=""+e;let t=this._nodes.get(e);if(!t)throw new W(`Graph.outDegree: could not find the "${e}" node in the graph.`);return this.type==="undirected"?0:t.outDegree}directedDegree(e){e=""+e;let t=this._nodes.get(e);if(!t)throw new W(`Graph.directedDegree: could not find the "${e}" node in the graph.`);return this.type==="undirected"?0:t.inDegree+t.outDegree}undirectedDegree(e){e=""+e;let t=this._nodes.get(e);if(!t)throw new W(`Graph.undirectedDegree: could not find the "${e}" node in the graph.`);return this.type==="directed"?0:t.undirectedDegree}inboundDegree(e){e=""+e;let t=this._nodes.get(e);if(!t)throw new W(`Graph.inboundDegree: could not find the "${e}" node in the graph.`);let n=0;return this.type!=="directed"&&(n+=t.undirectedDegree),this.type!=="undirected"&&(n+=t.inDegree),n}outboundDegree(e){e=""+e;let t=this._nodes.get(e);if(!t)throw new W(`Graph.outboundDegree: could not find the "${e}" node in the graph.`);let n=0;return this.type!=="directed"&&(n+=t.undirectedDegree),this.type!=="undirected"&&(n+=t.outDegree),n}degree(e){e=""+e;let t=this._nodes.get(e);if(!t)throw new W(`Graph.degree: could not find the "${e}" node in the graph.`);let n=0;return this.type!=="directed"&&(n+=t.undirectedDegree),this.type!=="undirected"&&(n+=t.inDegree+t.outDegree),n}inDegreeWithoutSelfLoops(e){e=""+e;let t=this._nodes.get(e);if(!t)throw new W(`Graph.inDegreeWithoutSelfLoops: could not find the "${e}" node in the graph.`);return this.type==="undirected"?0:t.inDegree-t.directedLoops}outDegreeWithoutSelfLoops(e){e=""+e;let t=this._nodes.get(e);if(!t)throw new W(`Graph.outDegreeWithoutSelfLoops: could not find the "${e}" node in the graph.`);return this.type==="undirected"?0:t.outDegree-t.directedLoops}directedDegreeWithoutSelfLoops(e){e=""+e;let t=this._nodes.get(e);if(!t)throw new W(`Graph.directedDegreeWithoutSelfLoops: could not find the "${e}" node in the graph.`);return this.type==="undirected"?0:t.inDegree+t.outDegree-t.directedLoops*2}undirectedDegreeWithoutSelfLoops(e){e=""+e;let t=this._nodes.get(e);if(!t)throw new W(`Graph.undirectedDegreeWithoutSelfLoops: could not find the "${e}" node in the graph.`);return this.type==="directed"?0:t.undirectedDegree-t.undirectedLoops*2}inboundDegreeWithoutSelfLoops(e){e=""+e;let t=this._nodes.get(e);if(!t)throw new W(`Graph.inboundDegreeWithoutSelfLoops: could not find the "${e}" node in the graph.`);let n=0,r=0;return this.type!=="directed"&&(n+=t.undirectedDegree,r+=t.undirectedLoops*2),this.type!=="undirected"&&(n+=t.inDegree,r+=t.directedLoops),n-r}outboundDegreeWithoutSelfLoops(e){e=""+e;let t=this._nodes.get(e);if(!t)throw new W(`Graph.outboundDegreeWithoutSelfLoops: could not find the "${e}" node in the graph.`);let n=0,r=0;return this.type!=="directed"&&(n+=t.undirectedDegree,r+=t.undirectedLoops*2),this.type!=="undirected"&&(n+=t.outDegree,r+=t.directedLoops),n-r}degreeWithoutSelfLoops(e){e=""+e;let t=this._nodes.get(e);if(!t)throw new W(`Graph.degreeWithoutSelfLoops: could not find the "${e}" node in the graph.`);let n=0,r=0;return this.type!=="directed"&&(n+=t.undirectedDegree,r+=t.undirectedLoops*2),this.type!=="undirected"&&(n+=t.inDegree+t.outDegree,r+=t.directedLoops*2),n-r}source(e){e=""+e;let t=this._edges.get(e);if(!t)throw new W(`Graph.source: could not find the "${e}" edge in the graph.`);return t.source.key}target(e){e=""+e;let t=this._edges.get(e);if(!t)throw new W(`Graph.target: could not find the "${e}" edge in the graph.`);return t.target.key}extremities(e){e=""+e;let t=this._edges.get(e);if(!t)throw new W(`Graph.extremities: could not find the "${e}" edge in the graph.`);return[t.source.key,t.target.key]}opposite(e,t){e=""+e,t=""+t;let n=this._edges.get(t);if(!n)throw new W(`Graph.opposite: could not find the "${t}" edge in the graph.`);let r=n.source.key,i=n.target.key;if(e===r)return i;if(e===i)return r;throw new W(`Graph.opposite: the "${e}" node is not attached to the "${t}" edge (${r}, ${i}).`)}hasExtremity(e,t){e=""+e,t=""+t;let n=this._edges.get(e);if(!n)throw new W(`Graph.hasExtremity: could not find the "${e}" edge in the graph.`);return n.source.key===t||n.target.key===t}isUndirected(e){e=""+e;let t=this._edges.get(e);if(!t)throw new W(`Graph.isUndirected: could not find the "${e}" edge in the graph.`);return t.undirected}isDirected(e){e=""+e;let t=this._edges.get(e);if(!t)throw new W(`Graph.isDirected: could not find the "${e}" edge in the graph.`);return!t.undirected}isSelfLoop(e){e=""+e;let t=this._edges.get(e);if(!t)throw new W(`Graph.isSelfLoop: could not find the "${e}" edge in the graph.`);return t.source===t.target}addNode(e,t){return id(this,e,t).key}mergeNode(e,t){if(t&&!fe(t))throw new $(`Graph.mergeNode: invalid attributes. Expecting an object but got "${t}"`);e=""+e,t=t||{};let n=this._nodes.get(e);return n?(t&&(ce(n.attributes,t),this.emit("nodeAttributesUpdated",{type:"merge",key:e,attributes:n.attributes,data:t})),[e,!1]):(n=new this.NodeDataClass(e,t),this._nodes.set(e,n),this.emit("nodeAdded",{key:e,attributes:t}),[e,!0])}updateNode(e,t){if(t&&typeof t!="function")throw new $(`Graph.updateNode: invalid updater function. Expecting a function but got "${t}"`);e=""+e;let n=this._nodes.get(e);if(n){if(t){let i=n.attributes;n.attributes=t(i),this.emit("nodeAttributesUpdated",{type:"replace",key:e,attributes:n.attributes})}return[e,!1]}let r=t?t({}):{};return n=new this.NodeDataClass(e,r),this._nodes.set(e,n),this.emit("nodeAdded",{key:e,attributes:r}),[e,!0]}dropNode(e){e=""+e;let t=this._nodes.get(e);if(!t)throw new W(`Graph.dropNode: could not find the "${e}" node in the graph.`);let n;if(this.type!=="undirected"){for(let r in t.out){n=t.out[r];do Et(this,n),n=n.next;while(n)}for(let r in t.in){n=t.in[r];do Et(this,n),n=n.next;while(n)}}if(this.type!=="directed")for(let r in t.undirected){n=t.undirected[r];do Et(this,n),n=n.next;while(n)}this._nodes.delete(e),this.emit("nodeDropped",{key:e,attributes:t.attributes})}dropEdge(e){let t;if(arguments.length>1){let n=""+arguments[0],r=""+arguments[1];if(t=we(this,n,r,this.type),!t)throw new W(`Graph.dropEdge: could not find the "${n}" -> "${r}" edge in the graph.`)}else if(e=""+e,t=this._edges.get(e),!t)throw new W(`Graph.dropEdge: could not find the "${e}" edge in the graph.`);return Et(this,t),this}dropDirectedEdge(e,t){if(arguments.length<2)throw new X("Graph.dropDirectedEdge: it does not make sense to try and drop a directed edge by key. What if the edge with this key is undirected? Use #.dropEdge for this purpose instead.");if(this.multi)throw new X("Graph.dropDirectedEdge: cannot use a {source,target} combo when dropping an edge in a MultiGraph since we cannot infer the one you want to delete as there could be multiple ones.");e=""+e,t=""+t;let n=we(this,e,t,"directed");if(!n)throw new W(`Graph.dropDirectedEdge: could not find a "${e}" -> "${t}" edge in the graph.`);return Et(this,n),this}dropUndirectedEdge(e,t){if(arguments.length<2)throw new X("Graph.dropUndirectedEdge: it does not make sense to drop a directed edge by key. What if the edge with this key is undirected? Use #.dropEdge for this purpose instead.");if(this.multi)throw new X("Graph.dropUndirectedEdge: cannot use a {source,target} combo when dropping an edge in a MultiGraph since we cannot infer the one you want to delete as there could be multiple ones.");let n=we(this,e,t,"undirected");if(!n)throw new W(`Graph.dropUndirectedEdge: could not find a "${e}" -> "${t}" edge in the graph.`);return Et(this,n),this}clear(){this._edges.clear(),this._nodes.clear(),this._resetInstanceCounters(),this.emit("cleared")}clearEdges(){let e=this._nodes.values(),t;for(;t=e.next(),t.done!==!0;)t.value.clear();this._edges.clear(),this._resetInstanceCounters(),this.emit("edgesCleared")}getAttribute(e){return this._attributes[e]}getAttributes(){return this._attributes}hasAttribute(e){return this._attributes.hasOwnProperty(e)}setAttribute(e,t){return this._attributes[e]=t,this.emit("attributesUpdated",{type:"set",attributes:this._attributes,name:e}),this}updateAttribute(e,t){if(typeof t!="function")throw new $("Graph.updateAttribute: updater should be a function.");let n=this._attributes[e];return this._attributes[e]=t(n),this.emit("attributesUpdated",{type:"set",attributes:this._attributes,name:e}),this}removeAttribute(e){return delete this._attributes[e],this.emit("attributesUpdated",{type:"remove",attributes:this._attributes,name:e}),this}replaceAttributes(e){if(!fe(e))throw new $("Graph.replaceAttributes: provided attributes are not a plain object.");return this._attributes=e,this.emit("attributesUpdated",{type:"replace",attributes:this._attributes}),this}mergeAttributes(e){if(!fe(e))throw new $("Graph.mergeAttributes: provided attributes are not a plain object.");return ce(this._attributes,e),this.emit("attributesUpdated",{type:"merge",attributes:this._attributes,data:e}),this}updateAttributes(e){if(typeof e!="function")throw new $("Graph.updateAttributes: provided updater is not a function.");return this._attributes=e(this._attributes),this.emit("attributesUpdated",{type:"update",attributes:this._attributes}),this}updateEachNodeAttributes(e,t){if(typeof e!="function")throw new $("Graph.updateEachNodeAttributes: expecting an updater function.");if(t&&!li(t))throw new $("Graph.updateEachNodeAttributes: invalid hints. Expecting an object having the following shape: {attributes?: [string]}");let n=this._nodes.values(),r,i;for(;r=n.next(),r.done!==!0;)i=r.value,i.attributes=e(i.key,i.attributes);this.emit("eachNodeAttributesUpdated",{hints:t||null})}updateEachEdgeAttributes(e,t){if(typeof e!="function")throw new $("Graph.updateEachEdgeAttributes: expecting an updater function.");if(t&&!li(t))throw new $("Graph.updateEachEdgeAttributes: invalid hints. Expecting an object having the following shape: {attributes?: [string]}");let n=this._edges.values(),r,i,o,s;for(;r=n.next(),r.done!==!0;)i=r.value,o=i.source,s=i.target,i.attributes=e(i.key,i.attributes,o.key,s.key,o.attributes,s.attributes,i.undirected);this.emit("eachEdgeAttributesUpdated",{hints:t||null})}forEachAdjacencyEntry(e){if(typeof e!="function")throw new $("Graph.forEachAdjacencyEntry: expecting a callback.");Fn(!1,!1,!1,this,e)}forEachAdjacencyEntryWithOrphans(e){if(typeof e!="function")throw new $("Graph.forEachAdjacencyEntryWithOrphans: expecting a callback.");Fn(!1,!1,!0,this,e)}forEachAssymetricAdjacencyEntry(e){if(typeof e!="function")throw new $("Graph.forEachAssymetricAdjacencyEntry: expecting a callback.");Fn(!1,!0,!1,this,e)}forEachAssymetricAdjacencyEntryWithOrphans(e){if(typeof e!="function")throw new $("Graph.forEachAssymetricAdjacencyEntryWithOrphans: expecting a callback.");Fn(!1,!0,!0,this,e)}nodes(){return Array.from(this._nodes.keys())}forEachNode(e){if(typeof e!="function")throw new $("Graph.forEachNode: expecting a callback.");let t=this._nodes.values(),n,r;for(;n=t.next(),n.done!==!0;)r=n.value,e(r.key,r.attributes)}findNode(e){if(typeof e!="function")throw new $("Graph.findNode: expecting a callback.");let t=this._nodes.values(),n,r;for(;n=t.next(),n.done!==!0;)if(r=n.value,e(r.key,r.attributes))return r.key}mapNodes(e){if(typeof e!="function")throw new $("Graph.mapNode: expecting a callback.");let t=this._nodes.values(),n,r,i=new Array(this.order),o=0;for(;n=t.next(),n.done!==!0;)r=n.value,i[o++]=e(r.key,r.attributes);return i}someNode(e){if(typeof e!="function")throw new $("Graph.someNode: expecting a callback.");let t=this._nodes.values(),n,r;for(;n=t.next(),n.done!==!0;)if(r=n.value,e(r.key,r.attributes))return!0;return!1}everyNode(e){if(typeof e!="function")throw new $("Graph.everyNode: expecting a callback.");let t=this._nodes.values(),n,r;for(;n=t.next(),n.done!==!0;)if(r=n.value,!e(r.key,r.attributes))return!1;return!0}filterNodes(e){if(typeof e!="function")throw new $("Graph.filterNodes: expecting a callback.");let t=this._nodes.values(),n,r,i=[];for(;n=t.next(),n.done!==!0;)r=n.value,e(r.key,r.attributes)&&i.push(r.key);return i}reduceNodes(e,t){if(typeof e!="function")throw new $("Graph.reduceNodes: expecting a callback.");if(arguments.length<2)throw new $("Graph.reduceNodes: missing initial value. You must provide it because the callback takes more than one argument and we cannot infer the initial value from the first iteration, as you could with a simple array.");let n=t,r=this._nodes.values(),i,o;for(;i=r.next(),i.done!==!0;)o=i.value,n=e(n,o.key,o.attributes);return n}nodeEntries(){let e=this._nodes.values();return{[Symbol.iterator](){return this},next(){let t=e.next();if(t.done)return t;let n=t.value;return{value:{node:n.key,attributes:n.attributes},done:!1}}}}export(){let e=new Array(this._nodes.size),t=0;this._nodes.forEach((r,i)=>{e[t++]=Zl(i,r)});let n=new Array(this._edges.size);return t=0,this._edges.forEach((r,i)=>{n[t++]=Ql(this.type,i,r)}),{options:{type:this.type,multi:this.multi,allowSelfLoops:this.allowSelfLoops},attributes:this.getAttributes(),nodes:e,edges:n}}import(e,t=!1){if(e instanceof a)return e.forEachNode((l,d)=>{t?this.mergeNode(l,d):this.addNode(l,d)}),e.forEachEdge((l,d,u,c,g,f,h)=>{t?h?this.mergeUndirectedEdgeWithKey(l,u,c,d):this.mergeDirectedEdgeWithKey(l,u,c,d):h?this.addUndirectedEdgeWithKey(l,u,c,d):this.addDirectedEdgeWithKey(l,u,c,d)}),this;if(!fe(e))throw new $("Graph.import: invalid argument. Expecting a serialized graph or, alternatively, a Graph instance.");if(e.attributes){if(!fe(e.attributes))throw new $("Graph.import: invalid attributes. Expecting a plain object.");t?this.mergeAttributes(e.attributes):this.replaceAttributes(e.attributes)}let n,r,i,o,s;if(e.nodes){if(i=e.nodes,!Array.isArray(i))throw new $("Graph.import: invalid nodes. Expecting an array.");for(n=0,r=i.length;n<r;n++){o=i[n],Jl(o);let{key:l,attributes:d}=o;t?this.mergeNode(l,d):this.addNode(l,d)}}if(e.edges){let l=!1;if(this.type==="undirected"&&(l=!0),i=e.edges,!Array.isArray(i))throw new $("Graph.import: invalid edges. Expecting an array.");for(n=0,r=i.length;n<r;n++){s=i[n],ed(s);let{source:d,target:u,attributes:c,undirected:g=l}=s,f;"key"in s?(f=t?g?this.mergeUndirectedEdgeWithKey:this.mergeDirectedEdgeWithKey:g?this.addUndirectedEdgeWithKey:this.addDirectedEdgeWithKey,f.call(this,s.key,d,u,c)):(f=t?g?this.mergeUndirectedEdge:this.mergeDirectedEdge:g?this.addUndirectedEdge:this.addDirectedEdge,f.call(this,d,u,c))}}return this}nullCopy(e){let t=new a(ce({},this._options,e));return t.replaceAttributes(ce({},this.getAttributes())),t}emptyCopy(e){let t=this.nullCopy(e);return this._nodes.forEach((n,r)=>{let i=ce({},n.attributes);n=new t.NodeDataClass(r,i),t._nodes.set(r,n)}),t}copy(e){if(e=e||{},typeof e.type=="string"&&e.type!==this.type&&e.type!=="mixed")throw new X(`Graph.copy: cannot create an incompatible copy from "${this.type}" type to "${e.type}" because this would mean losing information about the current graph.`);if(typeof e.multi=="boolean"&&e.multi!==this.multi&&e.multi!==!0)throw new X("Graph.copy: cannot create an incompatible copy by downgrading a multi graph to a simple one because this would mean losing information about the current graph.");if(typeof e.allowSelfLoops=="boolean"&&e.allowSelfLoops!==this.allowSelfLoops&&e.allowSelfLoops!==!0)throw new X("Graph.copy: cannot create an incompatible copy from a graph allowing self loops to one that does not because this would mean losing information about the current graph.");let t=this.emptyCopy(e),n=this._edges.values(),r,i;for(;r=n.next(),r.done!==!0;)i=r.value,xi(t,"copy",!1,i.undirected,i.key,i.source.key,i.target.key,ce({},i.attributes));return t}toJSON(){return this.export()}toString(){return"[object Graph]"}inspect(){let e={};this._nodes.forEach((i,o)=>{e[o]=i.attributes});let t={},n={};this._edges.forEach((i,o)=>{let s=i.undirected?"--":"->",l="",d=i.source.key,u=i.target.key,c;i.undirected&&d>u&&(c=d,d=u,u=c);let g=`(${d})${s}(${u})`;o.startsWith("geid_")?this.multi&&(typeof n[g]>"u"?n[g]=0:n[g]++,l+=`${n[g]}. `):l+=`[${o}]: `,l+=g,t[l]=i.attributes});let r={};for(let i in this)this.hasOwnProperty(i)&&!di.has(i)&&typeof this[i]!="function"&&typeof i!="symbol"&&(r[i]=this[i]);return r.attributes=this._attributes,r.nodes=e,r.edges=t,Ee(r,"constructor",this.constructor),r}};typeof Symbol<"u"&&(ie.prototype[Symbol.for("nodejs.util.inspect.custom")]=ie.prototype.inspect);ad.forEach(a=>{["add","merge","update"].forEach(e=>{let t=a.name(e),n=e==="add"?xi:od;a.generateKey?ie.prototype[t]=function(r,i,o){return n(this,t,!0,(a.type||this.type)==="undirected",null,r,i,o,e==="update")}:ie.prototype[t]=function(r,i,o,s){return n(this,t,!1,(a.type||this.type)==="undirected",r,i,o,s,e==="update")}})});pl(ie);Al(ie);Ul(ie);Yl(ie);var In=class extends ie{constructor(e){let t=ce({type:"directed"},e);if("multi"in t&&t.multi!==!1)throw new $("DirectedGraph.from: inconsistent indication that the graph should be multi in given options!");if(t.type!=="directed")throw new $('DirectedGraph.from: inconsistent "'+t.type+'" type in given options!');super(t)}},Nn=class extends ie{constructor(e){let t=ce({type:"undirected"},e);if("multi"in t&&t.multi!==!1)throw new $("UndirectedGraph.from: inconsistent indication that the graph should be multi in given options!");if(t.type!=="undirected")throw new $('UndirectedGraph.from: inconsistent "'+t.type+'" type in given options!');super(t)}},Gn=class extends ie{constructor(e){let t=ce({multi:!0},e);if("multi"in t&&t.multi!==!0)throw new $("MultiGraph.from: inconsistent indication that the graph should be simple in given options!");super(t)}},zn=class extends ie{constructor(e){let t=ce({type:"directed",multi:!0},e);if("multi"in t&&t.multi!==!0)throw new $("MultiDirectedGraph.from: inconsistent indication that the graph should be simple in given options!");if(t.type!=="directed")throw new $('MultiDirectedGraph.from: inconsistent "'+t.type+'" type in given options!');super(t)}},Mn=class extends ie{constructor(e){let t=ce({type:"undirected",multi:!0},e);if("multi"in t&&t.multi!==!0)throw new $("MultiUndirectedGraph.from: inconsistent indication that the graph should be simple in given options!");if(t.type!=="undirected")throw new $('MultiUndirectedGraph.from: inconsistent "'+t.type+'" type in given options!');super(t)}};function Rt(a){a.from=function(e,t){let n=ce({},e.options,t),r=new a(n);return r.import(e),r}}Rt(ie);Rt(In);Rt(Nn);Rt(Gn);Rt(zn);Rt(Mn);ie.Graph=ie;ie.DirectedGraph=In;ie.UndirectedGraph=Nn;ie.MultiGraph=Gn;ie.MultiDirectedGraph=zn;ie.MultiUndirectedGraph=Mn;ie.InvalidArgumentsGraphError=$;ie.NotFoundGraphError=W;ie.UsageGraphError=X;function Un(a,e){(e==null||e>a.length)&&(e=a.length);for(var t=0,n=Array(e);t<e;t++)n[t]=a[t];return n}function $n(a,e){if(a){if(typeof a=="string")return Un(a,e);var t={}.toString.call(a).slice(8,-1);return t==="Object"&&a.constructor&&(t=a.constructor.name),t==="Map"||t==="Set"?Array.from(a):t==="Arguments"||/^(?:Ui|I)nt(?:8|16|32)(?:Clamped)?Array$/.test(t)?Un(a,e):void 0}}function sd(a){if(Array.isArray(a))return a}function ld(a,e){var t=a==null?null:typeof Symbol<"u"&&a[Symbol.iterator]||a["@@iterator"];if(t!=null){var n,r,i,o,s=[],l=!0,d=!1;try{if(i=(t=t.call(a)).next,e===0){if(Object(t)!==t)return;l=!1}else for(;!(l=(n=i.call(t)).done)&&(s.push(n.value),s.length!==e);l=!0);}catch(u){d=!0,r=u}finally{try{if(!l&&t.return!=null&&(o=t.return(),Object(o)!==o))return}finally{if(d)throw r}}return s}}function dd(){throw new TypeError(`Invalid attempt to destructure non-iterable instance.
In order to be iterable, non-array objects must have a [Symbol.iterator]() method.`)}function ae(a,e){return sd(a)||ld(a,e)||$n(a,e)||dd()}function O(a,e){var t=typeof Symbol<"u"&&a[Symbol.iterator]||a["@@iterator"];if(!t){if(Array.isArray(a)||(t=$n(a))||e&&a&&typeof a.length=="number"){t&&(a=t);var n=0,r=function(){};return{s:r,n:function(){return n>=a.length?{done:!0}:{done:!1,value:a[n++]}},e:function(l){throw l},f:r}}throw new TypeError(`Invalid attempt to iterate non-iterable instance.
In order to be iterable, non-array objects must have a [Symbol.iterator]() method.`)}var i,o=!0,s=!1;return{s:function(){t=t.call(a)},n:function(){var l=t.next();return o=l.done,l},e:function(l){s=!0,i=l},f:function(){try{o||t.return==null||t.return()}finally{if(s)throw i}}}}function Ae(){return Float32Array.of(1,0,0,0,1,0,0,0,1)}function Bn(a,e,t){return a[0]=e,a[4]=typeof t=="number"?t:e,a}function _i(a,e){var t=Math.sin(e),n=Math.cos(e);return a[0]=n,a[1]=t,a[3]=-t,a[4]=n,a}function Ti(a,e,t){return a[6]=e,a[7]=t,a}function qe(a,e){var t=a[0],n=a[1],r=a[2],i=a[3],o=a[4],s=a[5],l=a[6],d=a[7],u=a[8],c=e[0],g=e[1],f=e[2],h=e[3],m=e[4],v=e[5],p=e[6],y=e[7],b=e[8];return a[0]=c*t+g*i+f*l,a[1]=c*n+g*o+f*d,a[2]=c*r+g*s+f*u,a[3]=h*t+m*i+v*l,a[4]=h*n+m*o+v*d,a[5]=h*r+m*s+v*u,a[6]=p*t+y*i+b*l,a[7]=p*n+y*o+b*d,a[8]=p*r+y*s+b*u,a}function Ua(a,e){var t=Math.cos(e),n=Math.sin(e);return{x:t*a.x+n*a.y,y:-n*a.x+t*a.y}}function Ct(a,e){var t=arguments.length>2&&arguments[2]!==void 0?arguments[2]:1,n=a[0],r=a[1],i=a[3],o=a[4],s=a[6],l=a[7],d=e.x,u=e.y;return{x:d*n+u*i+s*t,y:d*r+u*o+l*t}}function ud(a,e){var t=a.height/a.width,n=e.height/e.width;return t<1&&n>1||t>1&&n<1?1:Math.min(Math.max(n,1/n),Math.max(1/t,t))}function Xe(a,e,t,n,r){var i=a.angle,o=a.ratio,s=a.x,l=a.y,d=e.width,u=e.height,c=Ae(),g=Math.min(d,u)-2*n,f=ud(e,t);return r?(qe(c,Ti(Ae(),s,l)),qe(c,Bn(Ae(),o)),qe(c,_i(Ae(),i)),qe(c,Bn(Ae(),d/g/2/f,u/g/2/f))):(qe(c,Bn(Ae(),2*(g/d)*f,2*(g/u)*f)),qe(c,_i(Ae(),-i)),qe(c,Bn(Ae(),1/o)),qe(c,Ti(Ae(),-s,-l))),c}function Si(a,e,t){var n=Ct(a,{x:Math.cos(e.angle),y:Math.sin(e.angle)},0),r=n.x,i=n.y;return 1/Math.sqrt(Math.pow(r,2)+Math.pow(i,2))/t.width}function $a(a,e,t,n,r){var i=Math.floor(e/r*n),o=Math.floor(a.drawingBufferHeight/r-t/r*n);return[i,o]}var rn={black:"#000000",silver:"#C0C0C0",gray:"#808080",grey:"#808080",white:"#FFFFFF",maroon:"#800000",red:"#FF0000",purple:"#800080",fuchsia:"#FF00FF",green:"#008000",lime:"#00FF00",olive:"#808000",yellow:"#FFFF00",navy:"#000080",blue:"#0000FF",teal:"#008080",aqua:"#00FFFF",darkblue:"#00008B",mediumblue:"#0000CD",darkgreen:"#006400",darkcyan:"#008B8B",deepskyblue:"#00BFFF",darkturquoise:"#00CED1",mediumspringgreen:"#00FA9A",springgreen:"#00FF7F",cyan:"#00FFFF",midnightblue:"#191970",dodgerblue:"#1E90FF",lightseagreen:"#20B2AA",forestgreen:"#228B22",seagreen:"#2E8B57",darkslategray:"#2F4F4F",darkslategrey:"#2F4F4F",limegreen:"#32CD32",mediumseagreen:"#3CB371",turquoise:"#40E0D0",royalblue:"#4169E1",steelblue:"#4682B4",darkslateblue:"#483D8B",mediumturquoise:"#48D1CC",indigo:"#4B0082",darkolivegreen:"#556B2F",cadetblue:"#5F9EA0",cornflowerblue:"#6495ED",rebeccapurple:"#663399",mediumaquamarine:"#66CDAA",dimgray:"#696969",dimgrey:"#696969",slateblue:"#6A5ACD",olivedrab:"#6B8E23",slategray:"#708090",slategrey:"#708090",lightslategray:"#778899",lightslategrey:"#778899",mediumslateblue:"#7B68EE",lawngreen:"#7CFC00",chartreuse:"#7FFF00",aquamarine:"#7FFFD4",skyblue:"#87CEEB",lightskyblue:"#87CEFA",blueviolet:"#8A2BE2",darkred:"#8B0000",darkmagenta:"#8B008B",saddlebrown:"#8B4513",darkseagreen:"#8FBC8F",lightgreen:"#90EE90",mediumpurple:"#9370DB",darkviolet:"#9400D3",palegreen:"#98FB98",darkorchid:"#9932CC",yellowgreen:"#9ACD32",sienna:"#A0522D",brown:"#A52A2A",darkgray:"#A9A9A9",darkgrey:"#A9A9A9",lightblue:"#ADD8E6",greenyellow:"#ADFF2F",paleturquoise:"#AFEEEE",lightsteelblue:"#B0C4DE",powderblue:"#B0E0E6",firebrick:"#B22222",darkgoldenrod:"#B8860B",mediumorchid:"#BA55D3",rosybrown:"#BC8F8F",darkkhaki:"#BDB76B",mediumvioletred:"#C71585",indianred:"#CD5C5C",peru:"#CD853F",chocolate:"#D2691E",tan:"#D2B48C",lightgray:"#D3D3D3",lightgrey:"#D3D3D3",thistle:"#D8BFD8",orchid:"#DA70D6",goldenrod:"#DAA520",palevioletred:"#DB7093",crimson:"#DC143C",gainsboro:"#DCDCDC",plum:"#DDA0DD",burlywood:"#DEB887",lightcyan:"#E0FFFF",lavender:"#E6E6FA",darksalmon:"#E9967A",violet:"#EE82EE",palegoldenrod:"#EEE8AA",lightcoral:"#F08080",khaki:"#F0E68C",aliceblue:"#F0F8FF",honeydew:"#F0FFF0",azure:"#F0FFFF",sandybrown:"#F4A460",wheat:"#F5DEB3",beige:"#F5F5DC",whitesmoke:"#F5F5F5",mintcream:"#F5FFFA",ghostwhite:"#F8F8FF",salmon:"#FA8072",antiquewhite:"#FAEBD7",linen:"#FAF0E6",lightgoldenrodyellow:"#FAFAD2",oldlace:"#FDF5E6",magenta:"#FF00FF",deeppink:"#FF1493",orangered:"#FF4500",tomato:"#FF6347",hotpink:"#FF69B4",coral:"#FF7F50",darkorange:"#FF8C00",lightsalmon:"#FFA07A",orange:"#FFA500",lightpink:"#FFB6C1",pink:"#FFC0CB",gold:"#FFD700",peachpuff:"#FFDAB9",navajowhite:"#FFDEAD",moccasin:"#FFE4B5",bisque:"#FFE4C4",mistyrose:"#FFE4E1",blanchedalmond:"#FFEBCD",papayawhip:"#FFEFD5",lavenderblush:"#FFF0F5",seashell:"#FFF5EE",cornsilk:"#FFF8DC",lemonchiffon:"#FFFACD",floralwhite:"#FFFAF0",snow:"#FFFAFA",lightyellow:"#FFFFE0",ivory:"#FFFFF0"},Ei=new Int8Array(4),Wn=new Int32Array(Ei.buffer,0,1),wi=new Float32Array(Ei.buffer,0,1),cd=/^\s*rgba?\s*\(/,hd=/^\s*rgba?\s*\(\s*([0-9]*)\s*,\s*([0-9]*)\s*,\s*([0-9]*)(?:\s*,\s*(.*)?)?\)\s*$/;function Hn(a){var e=0,t=0,n=0,r=1,i=a.toLowerCase();if(i==="transparent")return{r:0,g:0,b:0,a:0};if(i in rn)return Hn(rn[i]);if(a[0]==="#")a.length===4?(e=parseInt(a.charAt(1)+a.charAt(1),16),t=parseInt(a.charAt(2)+a.charAt(2),16),n=parseInt(a.charAt(3)+a.charAt(3),16)):(e=parseInt(a.charAt(1)+a.charAt(2),16),t=parseInt(a.charAt(3)+a.charAt(4),16),n=parseInt(a.charAt(5)+a.charAt(6),16)),a.length===9&&(r=parseInt(a.charAt(7)+a.charAt(8),16)/255);else if(cd.test(a)){var o=a.match(hd);o&&(e=+o[1],t=+o[2],n=+o[3],o[4]&&(r=+o[4]))}return{r:e,g:t,b:n,a:r}}function Ai(a){var e=arguments.length>1&&arguments[1]!==void 0?arguments[1]:!1,t=Hn(a),n=t.r,r=t.g,i=t.b,o=t.a;return e?[n/255*o,r/255*o,i/255*o,o]:[n/255,r/255,i/255,o]}var Dt={};for(an in rn)Dt[an]=Re(rn[an]),Dt[rn[an]]=Dt[an];var an;function fd(a,e,t,n,r){return Wn[0]=n<<24|t<<16|e<<8|a,r&&(Wn[0]=Wn[0]&4278190079),wi[0]}function Re(a){if(a=a.toLowerCase(),typeof Dt[a]<"u")return Dt[a];var e=Hn(a),t=e.r,n=e.g,r=e.b,i=e.a;i=i*255|0;var o=fd(t,n,r,i,!0);return Dt[a]=o,o}function Ke(a,e){wi[0]=Re(a);var t=Wn[0];e&&(t=t|16777216);var n=t&255,r=t>>8&255,i=t>>16&255,o=t>>24&255;return[n,r,i,o]}function Lt(a){var e=a>>>8&255,t=a>>>16&255,n=a>>>24&255,r=a&255;return(r<<24|n<<16|t<<8|e)>>>0}function Ha(a,e,t,n){return(t<<24|e<<16|a<<8|n)>>>0}function Ri(a,e,t,n,r,i){var o=$a(a,t,n,r,i),s=ae(o,2),l=s[0],d=s[1],u=new Uint8Array(4);a.bindFramebuffer(a.FRAMEBUFFER,e),a.readPixels(l,d,1,1,a.RGBA,a.UNSIGNED_BYTE,u);var c=ae(u,4),g=c[0],f=c[1],h=c[2],m=c[3];return[g,f,h,m]}function Di(a){var e=Hn(a),t=e.r,n=e.g,r=e.b,i=e.a,o=(t/255).toFixed(6),s=(n/255).toFixed(6),l=(r/255).toFixed(6),d=i.toFixed(6);return"vec4(".concat(o,", ").concat(s,", ").concat(l,", ").concat(d,")")}function gd(a,e){if(typeof a!="object"||!a)return a;var t=a[Symbol.toPrimitive];if(t!==void 0){var n=t.call(a,e||"default");if(typeof n!="object")return n;throw new TypeError("@@toPrimitive must return a primitive value.")}return(e==="string"?String:Number)(a)}function ki(a){var e=gd(a,"string");return typeof e=="symbol"?e:e+""}function S(a,e,t){return(e=ki(e))in a?Object.defineProperty(a,e,{value:t,enumerable:!0,configurable:!0,writable:!0}):a[e]=t,a}function Ci(a,e){var t=Object.keys(a);if(Object.getOwnPropertySymbols){var n=Object.getOwnPropertySymbols(a);e&&(n=n.filter(function(r){return Object.getOwnPropertyDescriptor(a,r).enumerable})),t.push.apply(t,n)}return t}function B(a){for(var e=1;e<arguments.length;e++){var t=arguments[e]!=null?arguments[e]:{};e%2?Ci(Object(t),!0).forEach(function(n){S(a,n,t[n])}):Object.getOwnPropertyDescriptors?Object.defineProperties(a,Object.getOwnPropertyDescriptors(t)):Ci(Object(t)).forEach(function(n){Object.defineProperty(a,n,Object.getOwnPropertyDescriptor(t,n))})}return a}function ee(a,e){if(!(a instanceof e))throw new TypeError("Cannot call a class as a function")}function Li(a,e){for(var t=0;t<e.length;t++){var n=e[t];n.enumerable=n.enumerable||!1,n.configurable=!0,"value"in n&&(n.writable=!0),Object.defineProperty(a,ki(n.key),n)}}function te(a,e,t){return e&&Li(a.prototype,e),t&&Li(a,t),Object.defineProperty(a,"prototype",{writable:!1}),a}function ot(a){return ot=Object.setPrototypeOf?Object.getPrototypeOf.bind():function(e){return e.__proto__||Object.getPrototypeOf(e)},ot(a)}function Pi(){try{var a=!Boolean.prototype.valueOf.call(Reflect.construct(Boolean,[],function(){}))}catch{}return(Pi=function(){return!!a})()}function pd(a){if(a===void 0)throw new ReferenceError("this hasn't been initialised - super() hasn't been called");return a}function vd(a,e){if(e&&(typeof e=="object"||typeof e=="function"))return e;if(e!==void 0)throw new TypeError("Derived constructors may only return object or undefined");return pd(a)}function se(a,e,t){return e=ot(e),vd(a,Pi()?Reflect.construct(e,t||[],ot(a).constructor):e.apply(a,t))}function Va(a,e){return Va=Object.setPrototypeOf?Object.setPrototypeOf.bind():function(t,n){return t.__proto__=n,t},Va(a,e)}function le(a,e){if(typeof e!="function"&&e!==null)throw new TypeError("Super expression must either be null or a function");a.prototype=Object.create(e&&e.prototype,{constructor:{value:a,writable:!0,configurable:!0}}),Object.defineProperty(a,"prototype",{writable:!1}),e&&Va(a,e)}function md(a){if(Array.isArray(a))return Un(a)}function yd(a){if(typeof Symbol<"u"&&a[Symbol.iterator]!=null||a["@@iterator"]!=null)return Array.from(a)}function bd(){throw new TypeError(`Invalid attempt to spread non-iterable instance.
In order to be iterable, non-array objects must have a [Symbol.iterator]() method.`)}function q(a){return md(a)||yd(a)||$n(a)||bd()}function J(a){"@babel/helpers - typeof";return J=typeof Symbol=="function"&&typeof Symbol.iterator=="symbol"?function(e){return typeof e}:function(e){return e&&typeof Symbol=="function"&&e.constructor===Symbol&&e!==Symbol.prototype?"symbol":typeof e},J(a)}function Ne(a){return J(a)==="object"&&a!==null&&"attribute"in a}function on(){var a=`
float sdf_circle(vec2 uv, float size) {
  return length(uv) - size;
}
`;return{name:"circle",glsl:a,uniforms:[]}}function sn(a){var e,t=WebGL2RenderingContext,n=t.UNSIGNED_BYTE,r=(e=a?.color)!==null&&e!==void 0?e:{attribute:"color"};if(!Ne(r)){var i=r,o=`
vec4 layer_fill() {
  return `.concat(Di(i),`;
}
`);return{name:"fill",uniforms:[],attributes:[],glsl:o}}var s=r.attribute,l=`
vec4 layer_fill(vec4 v_fillColor) {
  return v_fillColor;
}
`;return{name:"fill",uniforms:[],attributes:[{name:"fillColor",size:4,type:n,normalized:!0,source:s}],glsl:l}}function ln(a,e){if(typeof a=="string"){var t=Ai(a).map(function(d){return d.toFixed(6)}),n=ae(t,4),r=n[0],i=n[1],o=n[2],s=n[3];return{glsl:"vec4(".concat(r,", ").concat(i,", ").concat(o,", ").concat(s,")"),attributes:[],needsNodeColors:!1}}if("node"in a&&a.node)return{glsl:a.node==="source"?"v_sourceColor":"v_targetColor",attributes:[],needsNodeColors:!0};var l=a;return{glsl:"v_".concat(e),attributes:[{name:"a_".concat(e),size:4,type:WebGL2RenderingContext.UNSIGNED_BYTE,normalized:!0,source:l.attribute,defaultValue:l.default}],needsNodeColors:!1}}function Me(a){var e=a?.color;if(e===void 0){var t=`
// Plain solid color layer
vec4 layer_plain(EdgeContext ctx) {
  return v_color;
}
`;return{name:"plain",glsl:t,uniforms:[],attributes:[]}}var n=ln(e,"plainColor"),r=`
// Plain solid color layer
vec4 layer_plain(EdgeContext ctx) {
  return `.concat(n.glsl,`;
}
`);return{name:"plain",glsl:r,uniforms:[],attributes:n.attributes,needsNodeColors:n.needsNodeColors}}function dn(){var a=`
// Position at parameter t ∈ [0, 1]
vec2 path_straight_position(float t, vec2 source, vec2 target) {
  return mix(source, target, t);
}

// Total length of the path (analytical - more efficient than sampling)
float path_straight_length(vec2 source, vec2 target) {
  return length(target - source);
}
`;return{name:"straight",segments:1,minBodyLengthRatio:0,linearParameterization:!0,glsl:a,uniforms:[],attributes:[]}}function ja(a){var e=a??{},t=e.segments,n=t===void 0?32:t,r=`
const float LOOP_PI = 3.141592653589793;

float loopWorldRadius() {
  float nodeWorldRadius = v_sourceNodeSize * u_correctionRatio / u_sizeRatio;
  return max(v_loopRadius * nodeWorldRadius, 0.001);
}

// Cubic Bézier with P0 = P3 = source.
// Control points extend outward orthogonal to the node surface at exit/entry angles.
vec2 path_loop_position(float t, vec2 source, vec2 target) {
  float R = loopWorldRadius();
  float angle = v_loopAngle + (v_loopFixedOrientation > 0.5 ? u_cameraAngle : 0.0);
  float halfSpread = v_loopSpread * 0.5;

  float exitAngle = angle - halfSpread;
  float entryAngle = angle + halfSpread;

  // Control point distance: at t=0.5 the Bézier reaches 0.75 * cpDist * cos(halfSpread)
  // from source. Solve for cpDist so the loop tip reaches exactly R.
  float cpDist = R / (0.75 * cos(halfSpread));

  vec2 cp1 = source + cpDist * vec2(cos(exitAngle), sin(exitAngle));
  vec2 cp2 = source + cpDist * vec2(cos(entryAngle), sin(entryAngle));

  float u = 1.0 - t;
  vec2 d1 = cp1 - source;
  vec2 d2 = cp2 - source;
  return source + 3.0 * t * u * (u * d1 + t * d2);
}

// Approximate arc length via chord sampling
float path_loop_length(vec2 source, vec2 target) {
  float len = 0.0;
  vec2 prev = path_loop_position(0.0, source, target);
  const int STEPS = 16;
  for (int i = 1; i <= STEPS; i++) {
    float t = float(i) / float(STEPS);
    vec2 cur = path_loop_position(t, source, target);
    len += length(cur - prev);
    prev = cur;
  }
  return len;
}
`;return{name:"loop",segments:n,glsl:r,needsNodeSize:!0,uniforms:[],attributes:[{name:"loopRadius",size:1,type:WebGL2RenderingContext.FLOAT},{name:"loopAngle",size:1,type:WebGL2RenderingContext.FLOAT},{name:"loopSpread",size:1,type:WebGL2RenderingContext.FLOAT},{name:"loopFixedOrientation",size:1,type:WebGL2RenderingContext.FLOAT}],variables:{loopRadius:{type:"number",default:4},loopAngle:{type:"number",default:Math.PI/4},loopSpread:{type:"number",default:80*Math.PI/180},loopFixedOrientation:{type:"number",default:0}},spread:{variable:"loopRadius",compute:function(o){return o+4}}}}var Mi=rt(St());function Fi(a){return J(a)==="object"&&"glsl"in a&&!("attributes"in a)}function Ii(a){return J(a)==="object"&&"glsl"in a&&!("attributes"in a)}var un={shapes:[on()],variables:{},layers:[sn()],label:{},backdrop:{},labelAttachments:{}},kt={paths:[dn(),ja()],extremities:[],variables:{},layers:[Me()],defaultHead:"none",defaultTail:"none",label:{}},Vn=["nodes","topNodes"],jn=["edges","topEdges"],qn=[].concat(jn,Vn),Ni={nodes:un,edges:kt,depthLayers:q(qn)};var xd=function(e){return e},_d=function(e){return e*e},Td=function(e){return e*(2-e)},Sd=function(e){return(e*=2)<1?.5*e*e:-.5*(--e*(e-2)-1)},Ed=function(e){return e*e*e},wd=function(e){return--e*e*e+1},Ad=function(e){return(e*=2)<1?.5*e*e*e:.5*((e-=2)*e*e+2)},Rd=function(e){return e===0?0:Math.pow(2,10*(e-1))},Dd=function(e){return e===1?1:1-Math.pow(2,-10*e)},Cd=function(e){return e===0?0:e===1?1:e<.5?Math.pow(2,10*(2*e-1))/2:(2-Math.pow(2,-10*(2*e-1)))/2},qa={linear:xd,quadraticIn:_d,quadraticOut:Td,quadraticInOut:Sd,cubicIn:Ed,cubicOut:wd,cubicInOut:Ad,exponentialIn:Rd,exponentialOut:Dd,exponentialInOut:Cd};function Xn(a){return a?typeof a=="function"?a:qa[a]:qa.linear}function Ka(a){return J(a)==="object"&&a!==null&&"attribute"in a}function Oi(a){return typeof a=="function"}function Bi(a){return J(a)==="object"&&a!==null&&"when"in a&&typeof a.when=="function"&&"then"in a}function Wi(a){return J(a)==="object"&&a!==null&&"whenState"in a&&"then"in a}function Ui(a){return J(a)==="object"&&a!==null&&"whenData"in a&&"then"in a}var Ld={isHovered:!1,isLabelHovered:!1,isHidden:!1,isHighlighted:!1,isDragged:!1},kd={isHovered:!1,isLabelHovered:!1,isHidden:!1,isHighlighted:!1,parallelIndex:0,parallelCount:1},Pd={isIdle:!0,isPanning:!1,isZooming:!1,isDragging:!1,hasHovered:!1,hasHighlighted:!1};function $i(a){return B(B({},Ld),a)}function Hi(a){return B(B({},kd),a)}function Ya(a){return B(B({},Pd),a)}var Fd={x:{attribute:"x"},y:{attribute:"y"},size:{whenState:"isHovered",then:{attribute:"size",defaultValue:12},else:{attribute:"size",defaultValue:10}},color:{attribute:"color",defaultValue:"#666"},label:{attribute:"label"},visibility:{whenState:"isHidden",then:"hidden",else:"visible"},labelVisibility:{whenState:"isHovered",then:"visible",else:"auto"},backdropVisibility:{whenState:"isHovered",then:"visible",else:"hidden"},backdropColor:"#ffffff",backdropShadowColor:"rgba(0, 0, 0, 0.5)",backdropShadowBlur:12,backdropPadding:6},Id={size:{attribute:"size",defaultValue:1},color:{attribute:"color",defaultValue:"#ccc"},label:{attribute:"label"},visibility:{whenState:"isHidden",then:"hidden",else:"visible"}};var Yn={nodes:B(B({},Fd),{},{depth:{whenState:"isHovered",then:"topNodes",else:"nodes"}}),edges:B(B({},Id),{},{depth:{whenState:["isHighlighted","isHovered"],then:"topEdges",else:"edges"}})};function Nd(a){return"min"in a||"max"in a||"minValue"in a||"maxValue"in a||"easing"in a}function Gd(a){return"dict"in a}function Zn(a,e){return typeof a=="string"?e[a]===!0:Array.isArray(a)?a.every(function(t){return e[t]===!0}):J(a)==="object"&&a!==null?Object.entries(a).every(function(t){var n=ae(t,2),r=n[0],i=n[1];return e[r]===i}):!1}function zd(a,e){var t=e[a.attribute];return t===void 0?a.defaultValue:t}function Md(a,e,t){var n,r,i,o,s=e[a.attribute];if(s===void 0)return a.defaultValue;var l=Number(s);if(isNaN(l))return a.defaultValue;if(a.min===void 0&&a.max===void 0)return l;var d=(n=a.minValue)!==null&&n!==void 0?n:l,u=(r=a.maxValue)!==null&&r!==void 0?r:l;if(u===d){var c;return(c=a.min)!==null&&c!==void 0?c:l}var g=(l-d)/(u-d);g=Math.max(0,Math.min(1,g));var f=Xn(a.easing);g=f(g);var h=(i=a.min)!==null&&i!==void 0?i:0,m=(o=a.max)!==null&&o!==void 0?o:1;return h+g*(m-h)}function Od(a,e){var t=e[a.attribute];if(t===void 0)return a.defaultValue;var n=String(t);return n in a.dict?a.dict[n]:a.defaultValue}function Bd(a,e,t){return Gd(a)?Od(a,e):Nd(a)?Md(a,e):zd(a,e)}function Vi(a,e){return typeof a=="string"?!!e[a]:Array.isArray(a)?a.every(function(t){return!!e[t]}):J(a)==="object"&&a!==null?Object.entries(a).every(function(t){var n=ae(t,2),r=n[0],i=n[1];return e[r]===i}):!1}function Kn(a,e,t,n,r,i){if(a==null)return i;if(J(a)!=="object"&&typeof a!="function")return a;if(Bi(a)){var o=a.when(e,t,n,r)?a.then:a.else;return o===void 0?i:Kn(o,e,t,n,r,i)}if(Wi(a)){var s=Zn(a.whenState,t)?a.then:a.else;return s===void 0?i:Kn(s,e,t,n,r,i)}if(Ui(a)){var l=Vi(a.whenData,e)?a.then:a.else;return l===void 0?i:Kn(l,e,t,n,r,i)}if(Oi(a)){var d=a(e,t,n,r);return d??i}if(Ka(a)){var u=Bd(a,e);return u??i}return a}function Ge(a){if(a==null)return"static";if(Bi(a))return"graph-state";if(Wi(a)){var e=Ge(a.then),t=a.else!==void 0?Ge(a.else):"static";return De("item-state",De(e,t))}if(Ui(a)){var n=Ge(a.then),r=a.else!==void 0?Ge(a.else):"static";return De(n,r)}return Oi(a)?"graph-state":(Ka(a),"static")}function De(a,e){return a==="graph-state"||e==="graph-state"?"graph-state":a==="item-state"||e==="item-state"?"item-state":"static"}function Za(a){if(!a)return{dependency:"static",xAttribute:null,yAttribute:null};var e=Array.isArray(a)?a:[a],t="static",n=null,r=null,i=O(e),o;try{for(i.s();!(o=i.n()).done;){var s=o.value;if("matchData"in s&&"cases"in s)for(var l=s.cases,d=0,u=Object.values(l);d<u.length;d++)for(var c=u[d],g=0,f=Object.values(c);g<f.length;g++){var h=f[g];t=De(t,Ge(h))}else if("matchState"in s&&"cases"in s){t=De(t,"item-state");for(var m=s.cases,v=0,p=Object.values(m);v<p.length;v++)for(var y=p[v],b=0,_=Object.values(y);b<_.length;b++){var x=_[b];t=De(t,Ge(x))}}else if("when"in s&&"then"in s)t="graph-state";else if("whenState"in s){t=De(t,"item-state");var T=s.then;if(T&&J(T)==="object")for(var w=0,E=Object.values(T);w<E.length;w++){var C=E[w];t=De(t,Ge(C))}var R=s.else;if(R&&J(R)==="object")for(var I=0,A=Object.values(R);I<A.length;I++){var P=A[I];t=De(t,Ge(P))}}else if("whenData"in s){var D=s.then;if(D&&J(D)==="object")for(var F=0,z=Object.values(D);F<z.length;F++){var G=z[F];t=De(t,Ge(G))}var L=s.else;if(L&&J(L)==="object")for(var k=0,M=Object.values(L);k<M.length;k++){var j=M[k];t=De(t,Ge(j))}}else for(var V=0,Q=Object.entries(s);V<Q.length;V++){var K=ae(Q[V],2),Y=K[0],Pe=K[1];if(!Ja.has(Y)&&(t=De(t,Ge(Pe)),(Y==="x"||Y==="y")&&Ka(Pe))){var me=Pe.attribute;Y==="x"&&!n&&(n=me),Y==="y"&&!r&&(r=me)}}}}catch(Ue){i.e(Ue)}finally{i.f()}return{dependency:t,xAttribute:n,yAttribute:r}}var Ve={size:10,color:"#666",opacity:1,shape:"circle",rotationAlignment:"viewport",labelRotationAlignment:"viewport",visibility:"visible",depth:"nodes",zIndex:0,label:"",labelColor:"#000",labelSize:12,labelFont:"sans-serif",labelVisibility:"auto",labelPosition:"right",labelAngle:0,labelDepth:"nodes",backdropVisibility:"hidden",backdropColor:"transparent",backdropShadowColor:"transparent",backdropShadowBlur:0,backdropPadding:0,backdropBorderColor:"transparent",backdropBorderWidth:0,backdropCornerRadius:0,backdropLabelPadding:-1,backdropArea:"both",labelAttachment:null,labelAttachmentPlacement:"below"},Qa={size:1,color:"#ccc",opacity:1,path:"straight",selfLoopPath:"loop",parallelSpread:.25,tail:"none",head:"none",visibility:"visible",depth:"edges",zIndex:0,label:"",labelColor:"#666",labelVisibility:"auto",labelDepth:"edges"},Ja=new Set(["when","whenState","whenData","then","else"]),Gi=Object.keys(Ve),Wd=Object.values(Ve),zi=Object.keys(Qa),Ud=Object.values(Qa);function Pt(a,e,t,n,r,i,o){for(var s in e){var l;if(!Ja.has(s)){var d=(l=a[s])!==null&&l!==void 0?l:o[s];a[s]=Kn(e[s],t,n,r,i,d)}}"depth"in e&&!("labelDepth"in e)&&(a.labelDepth=a.depth)}function ji(a,e,t,n,r,i,o){var s=O(e),l;try{for(s.s();!(l=s.n()).done;){var d=l.value;if("matchData"in d&&"cases"in d){var u,c=String((u=t[d.matchData])!==null&&u!==void 0?u:""),g=d.cases;c in g&&Pt(a,g[c],t,n,r,i,o)}else if("matchState"in d&&"cases"in d){var f,h=String((f=n[d.matchState])!==null&&f!==void 0?f:""),m=d.cases;h in m&&Pt(a,m[h],t,n,r,i,o)}else if("when"in d&&"then"in d){var v=d.when;if(!v(t,n,r,i))continue;Pt(a,d.then,t,n,r,i,o)}else if("whenState"in d&&"then"in d){if(!Zn(d.whenState,n))continue;Pt(a,d.then,t,n,r,i,o)}else if("whenData"in d&&"then"in d){if(!Vi(d.whenData,t))continue;Pt(a,d.then,t,n,r,i,o)}else Pt(a,d,t,n,r,i,o)}}catch(p){s.e(p)}finally{s.f()}}function er(a,e,t,n,r,i){for(var o=i||{},s=o,l=0,d=Gi.length;l<d;l++)s[Gi[l]]=Wd[l];if(s.x=void 0,s.y=void 0,s.labelBackgroundColor=void 0,s.labelBackgroundPadding=void 0,s.labelCursor=void 0,!a){var u,c,g,f,h;return s.x=(u=e.x)!==null&&u!==void 0?u:0,s.y=(c=e.y)!==null&&c!==void 0?c:0,o.size=(g=e.size)!==null&&g!==void 0?g:10,o.color=(f=e.color)!==null&&f!==void 0?f:"#666",o.label=(h=e.label)!==null&&h!==void 0?h:"",o}var m=Array.isArray(a)?a:[a];return ji(s,m,e,t,n,r,Ve),o}function tr(a,e,t,n,r,i){for(var o=i||{},s=o,l=0,d=zi.length;l<d;l++)s[zi[l]]=Ud[l];if(!a){var u,c,g;return o.size=(u=e.size)!==null&&u!==void 0?u:1,o.color=(c=e.color)!==null&&c!==void 0?c:"#ccc",o.label=(g=e.label)!==null&&g!==void 0?g:"",o}var f=Array.isArray(a)?a:[a];return ji(s,f,e,t,n,r,Qa),typeof s.labelPosition=="number"&&(s.labelPosition=void 0),o}function $d(a,e,t){var n,r;if(a==null)return t;if(typeof a=="function")return(n=a(e))!==null&&n!==void 0?n:t;if(J(a)==="object"&&"when"in a){var i,o=a,s=o.when(e),l=s?o.then:o.else;return l===void 0?t:typeof l=="function"?(i=l(e))!==null&&i!==void 0?i:t:l??t}if(J(a)==="object"&&"whenState"in a){var d,u=a,c=Zn(u.whenState,e),g=c?u.then:u.else;return g===void 0?t:typeof g=="function"?(d=g(e))!==null&&d!==void 0?d:t:g??t}return(r=a)!==null&&r!==void 0?r:t}function nr(a,e){var t={};if(!a)return t;var n=Array.isArray(a)?a:[a],r=O(n),i;try{for(r.s();!(i=r.n()).done;){var o=i.value;if("when"in o&&"then"in o){var s=o.when(e),l=s?o.then:o.else;l&&J(l)==="object"&&Xa(t,l,e)}else if("whenState"in o&&"then"in o){var d=Zn(o.whenState,e),u=d?o.then:o.else;u&&J(u)==="object"&&Xa(t,u,e)}else Xa(t,o,e)}}catch(c){r.e(c)}finally{r.f()}return t}function Xa(a,e,t){for(var n=0,r=Object.entries(e);n<r.length;n++){var i=ae(r[n],2),o=i[0],s=i[1];Ja.has(o)||(a[o]=$d(s,t))}}var Qn=(function(a){function e(){var t;return ee(this,e),t=se(this,e),t.rawEmitter=t,t}return le(e,a),te(e)})(Mi.EventEmitter);var qi=Ni;function ar(a,e){var t=e.size;if(t!==0){var n=a.length;a.length+=t;var r=0;e.forEach(function(i){a[n+r]=i,r++})}}function Xi(a){a=a||{};for(var e=0,t=arguments.length<=1?0:arguments.length-1;e<t;e++){var n=e+1<1||arguments.length<=e+1?void 0:arguments[e+1];n&&Object.assign(a,n)}return a}function Ft(a,e){for(var t in e)if(Object.prototype.hasOwnProperty.call(e,t)&&e[t]!==a[t])return!0;return!1}function Ki(a,e){var t=a,n=e;for(var r in t)if(Object.prototype.hasOwnProperty.call(t,r)&&t[r]!==n[r])return!1;for(var i in n)if(Object.prototype.hasOwnProperty.call(n,i)&&n[i]!==t[i])return!1;return!0}function st(a,e,t){t?a.add(e):a.delete(e)}var Zi=rt(rr());var Qi={easing:"quadraticInOut",duration:150};function Ye(a){return a.labelVisibility==="visible"&&a.visibility!=="hidden"}function ir(a){return a.backdropVisibility==="visible"&&a.visibility!=="hidden"}function Jn(a){return[a.rotationAlignment==="graph"?1:0,a.labelRotationAlignment==="graph"?1:0]}function or(a,e,t){var n=a[e];if(n)for(var r=0;r<n.length;r++){var i=n[r];if(!(t<i.offset||t>=i.offset+i.count)){if(i.count===1)n.splice(r,1);else if(t===i.offset)i.offset++,i.count--;else if(t===i.offset+i.count-1)i.count--;else{var o=t+1,s=i.offset+i.count-o;i.count=t-i.offset,n.splice(r+1,0,{offset:o,count:s})}return}}}function sr(a,e,t){if(!a[e]){a[e]=[{offset:t,count:1}];return}for(var n=a[e],r=n.length,i=0;i<n.length;i++)if(t<n[i].offset){r=i;break}var o=r>0?n[r-1]:null,s=r<n.length?n[r]:null,l=o&&o.offset+o.count===t,d=s&&t+1===s.offset;l&&d?(o.count+=1+s.count,n.splice(r,1)):l?o.count++:d?(s.offset--,s.count++):n.splice(r,0,{offset:t,count:1})}function Ji(a){if(!(0,Zi.default)(a))throw new Error("Sigma: invalid graph instance.")}function ea(a){var e=ae(a.x,2),t=e[0],n=e[1],r=ae(a.y,2),i=r[0],o=r[1],s=Math.max(n-t,o-i),l=(n+t)/2,d=(o+i)/2;(s===0||Math.abs(s)===1/0||isNaN(s))&&(s=1),isNaN(l)&&(l=0),isNaN(d)&&(d=0);var u=function(g){return{x:.5+(g.x-l)/s,y:.5+(g.y-d)/s}};return u.applyTo=function(c){c.x=.5+(c.x-l)/s,c.y=.5+(c.y-d)/s},u.inverse=function(c){return{x:l+s*(c.x-.5),y:d+s*(c.y-.5)}},u.ratio=s,u}var ta={hideEdgesOnMove:!1,hideLabelsOnMove:!1,renderLabels:!0,renderEdgeLabels:!1,edgeLabelAnchors:"nodeLabels",enableEdgeEvents:!1,nodeLabelEvents:!1,edgeLabelEvents:!1,pickingDownSizingRatio:2,nodePickingPadding:0,edgePickingPadding:4,labelPickingPadding:10,stagePadding:30,minEdgeThickness:1.7,antiAliasingFeather:1,antialiasEdges:!0,antialiasNodes:!0,dragTimeout:100,draggedEventsTolerance:3,inertiaDuration:200,inertiaRatio:3,zoomDuration:250,zoomingRatio:1.7,doubleClickTimeout:300,doubleClickZoomingRatio:2.2,doubleClickZoomingDuration:200,tapMoveTolerance:10,zoomToSizeRatioFunction:Math.sqrt,itemSizesReference:"positions",autoRescale:!0,autoRescaleContent:"positions",enableNodeDrag:!1,getDraggedNodes:function(e){return[e]},dragPositionToAttributes:null,labelDensity:1,labelGridCellSize:100,labelRenderedSizeThreshold:6,labelPixelSnapping:!0,minCameraRatio:null,maxCameraRatio:null,enableCameraZooming:!0,enableCameraPanning:!0,enableCameraRotation:!0,enableCameraMouseRotation:!0,cameraPanBoundaries:null,gestureTarget:"graph",sharedGestureWheelMessage:"Use Ctrl + scroll to zoom the graph",sharedGestureAppleWheelMessage:"Use ⌘ + scroll to zoom the graph",sharedGestureTouchMessage:"Use two fingers to move the graph",allowInvalidContainer:!1,DEBUG_displayPickingLayer:!1,DEBUG_logShaders:!1,DEBUG_logRenderStats:!1,DEBUG_gpuTimerQueries:!1};function na(a){if(typeof a.labelDensity!="number"||a.labelDensity<0)throw new Error("Settings: invalid `labelDensity`. Expecting a positive number.");var e=a.minCameraRatio,t=a.maxCameraRatio;if(typeof e=="number"&&typeof t=="number"&&t<e)throw new Error("Settings: invalid camera ratio boundaries. Expecting `maxCameraRatio` to be greater than `minCameraRatio`.")}function eo(a){return Xi({},ta,a)}var Hd=new Set(["italic","oblique"]),Vd=new Set(["bold","bolder","lighter"]);function aa(a){for(var e="normal",t="normal",n=a.trim(),r=n.split(/\s+/),i=0,o=0;o<r.length;o++){var s=r[o].toLowerCase();if(Hd.has(s))t=s,i=o+1;else if(Vd.has(s)||/^\d{3}$/.test(s))e=s,i=o+1;else if(s==="normal")i=o+1;else break}var l=r.slice(i).join(" ");return{family:l||n,weight:e,style:t}}function It(a,e,t){var n=document.createElement(a);if(e)for(var r in e)n.style[r]=e[r];if(t)for(var i in t)n.setAttribute(i,t[i]);return n}function cn(){return typeof window.devicePixelRatio<"u"?window.devicePixelRatio:1}var co=rt(St());function jd(a){var e=a.type===WebGL2RenderingContext.FLOAT&&!a.normalized,t=a.type===WebGL2RenderingContext.UNSIGNED_BYTE&&a.size===4&&a.normalized;if(!e&&!t)throw new Error('Attribute "'.concat(a.name,'" is invalid: only non-normalized FLOAT and normalized UNSIGNED_BYTE with size 4 are supported.'));return a.normalized?1:a.size}function lr(a){var e=0;return a.forEach(function(t){return e+=jd(t)}),e}function ho(a,e,t){var n=a==="VERTEX"?e.VERTEX_SHADER:e.FRAGMENT_SHADER,r=e.createShader(n);if(r===null)throw new Error("loadShader: error while creating the shader");e.shaderSource(r,t),e.compileShader(r);var i=e.getShaderParameter(r,e.COMPILE_STATUS);if(!i){var o=e.getShaderInfoLog(r);throw e.deleteShader(r),new Error(`loadShader: error while compiling the shader:
`.concat(o,`
`).concat(t))}return r}function ur(a,e){return ho("VERTEX",a,e)}function cr(a,e){return ho("FRAGMENT",a,e)}function hr(a,e){var t=a.createProgram();if(t===null)throw new Error("loadProgram: error while creating the program.");var n,r;for(n=0,r=e.length;n<r;n++)a.attachShader(t,e[n]);a.linkProgram(t);var i=a.getProgramParameter(t,a.LINK_STATUS);if(!i){var o=a.getProgramInfoLog(t);throw a.deleteProgram(t),new Error("loadProgram: error while linking the program: ".concat(o))}return t}function to(a){var e=a.gl,t=a.buffer,n=a.program,r=a.vertexShader,i=a.fragmentShader;e.deleteShader(r),e.deleteShader(i),e.deleteProgram(n),e.deleteBuffer(t)}function de(a){return a%1===0?a.toFixed(1):a.toString()}var da=new Map,fo=new Map,qd=0;function go(a,e){var t,n=(t=a.variables)===null||t===void 0||(t=t[e.source||e.name.replace(/^a_/,"")])===null||t===void 0?void 0:t.default,r=typeof n=="number"?n:typeof e.defaultValue=="number"?e.defaultValue:0;return de(r)}function ua(a,e,t){var n,r=arguments.length>3&&arguments[3]!==void 0?arguments[3]:function(o){return"v_".concat(o.name.replace(/^a_/,""))},i=[e,t].concat(q(a.uniforms.filter(function(o){return o.type==="float"}).map(function(o){var s;return de((s=o.value)!==null&&s!==void 0?s:0)})),q(((n=a.attributes)!==null&&n!==void 0?n:[]).map(r)));return"sdf_".concat(a.name,"(").concat(i.join(", "),")")}function Xd(a){var e,t=a.name,n=a.uniforms.filter(function(o){return o.type==="float"&&o.value!==void 0&&o.value!==0}).map(function(o){return"".concat(o.name.replace("u_",""),"=").concat(o.value)}).sort(),r=((e=a.attributes)!==null&&e!==void 0?e:[]).map(function(o){var s;return"".concat(o.name,"@").concat((s=o.source)!==null&&s!==void 0?s:"","=").concat(go(a,o))}),i=[].concat(q(n),q(r));return i.length>0&&(t+="#"+i.join("#")),t}function Kd(a){var e=Xd(a);if(!da.has(e)){var t={},n=O(a.uniforms),r;try{for(n.s();!(r=n.n()).done;){var i=r.value;i.type==="float"&&i.value!==void 0&&(t[i.name]=i.value)}}catch(o){n.e(o)}finally{n.f()}da.set(e,{shape:a,uniformValues:t,slug:e}),fo.set(e,qd++)}return e}function vn(a){var e;return(e=fo.get(a))!==null&&e!==void 0?e:-1}function po(a){var e=[],t=new Set,n=new Set,r=/mat2 rotate2D\(float angle\)\s*\{[^}]+\}/,i=O(a),o;try{for(i.s();!(o=i.n()).done;){var s=o.value;if(!n.has(s.name)){n.add(s.name);var l=s.glsl;r.test(l)&&(t.has("rotate2D")?l=l.replace(r,""):t.add("rotate2D")),e.push(l)}}}catch(d){i.e(d)}finally{i.f()}return e.join(`
`)}function Yd(){return po(Array.from(da.values()).map(function(a){return a.shape}))}function Zd(a){var e=Array.from(da.entries());if(e.length===0)return`
float querySDF(int shapeId, vec2 uv, float size) {
  return length(uv) - size;
}
`;var t=e.map(function(n,r){var i=ae(n,2),o=i[0],s=i[1].shape,l=ua(s,"uv","size",function(d){var u=d.name.replace(/^a_/,"");return a!=null&&a.has(u)?"g_".concat(u):go(s,d)});return"    case ".concat(r,": return ").concat(l,"; // ").concat(o)}).join(`
`);return`
float querySDF(int shapeId, vec2 uv, float size) {
  switch (shapeId) {
`.concat(t,`
    default: return length(uv) - size;
  }
}
`)}function fr(a){return po(a)}function mn(a){return q(new Map(a.flatMap(function(e){return e.uniforms}).map(function(e){return[e.name,e]})).values())}function Qd(a,e){if(a.length===0)return`
void queryNodeSDF(int shapeId, vec2 uv, float size) {
  context.sdf = length(uv) - size;
  context.inradiusFactor = 1.0;
}
`;var t=function(c){return ua(c,"uv","size")},n=function(c){var g,f;return(g=c.inradiusFactorGLSL)!==null&&g!==void 0?g:de((f=c.inradiusFactor)!==null&&f!==void 0?f:1)};if(a.length===1){var r=a[0];return`
void queryNodeSDF(int shapeId, vec2 uv, float size) {
  context.sdf = `.concat(t(r),`;
  context.inradiusFactor = `).concat(n(r),`;
}
`)}var i=a.map(function(u,c){return"    case ".concat(c,": // ").concat(u.name,`
      context.sdf = `).concat(t(u),`;
      context.inradiusFactor = `).concat(n(u),`;
      break;`)}).join(`
`),o=a[0],s="",l="shapeId";if(e&&e.length>1){var d=e.map(function(u,c){return"    case ".concat(u,": return ").concat(c,"; // ").concat(a[c].name)}).join(`
`);s=`
int globalToLocalShapeId(int globalId) {
  switch (globalId) {
`.concat(d,`
    default: return 0;
  }
}
`),l="globalToLocalShapeId(shapeId)"}return"".concat(s,`
void queryNodeSDF(int shapeId, vec2 uv, float size) {
  switch (`).concat(l,`) {
`).concat(i,`
    default:
      context.sdf = `).concat(t(o),`;
      context.inradiusFactor = `).concat(n(o),`;
  }
}
`)}var Gt={right:0,left:1,above:2,below:3,over:4},zt=5,gr=3,vo=`
float matrixScaleX = length(vec2(u_matrix[0][0], u_matrix[1][0]));
float nodeRadiusGraphSpace = nodeSize * u_correctionRatio / u_sizeRatio * 2.0;
float nodeRadiusNDC = nodeRadiusGraphSpace * matrixScaleX;
float nodeRadiusPixels = nodeRadiusNDC * u_resolution.x / 2.0;
`,yn=`
mat2 rotate2D(float angle) {
  float c = cos(angle);
  float s = sin(angle);
  return mat2(c, -s, s, c);
}
`,mo=`
vec2 getLabelDirection(float positionMode) {
  if (positionMode < 0.5) return vec2(1.0, 0.0);   // Right
  if (positionMode < 1.5) return vec2(-1.0, 0.0);  // Left
  if (positionMode < 2.5) return vec2(0.0, -1.0);  // Above
  if (positionMode < 3.5) return vec2(0.0, 1.0);   // Below
  return vec2(0.0);                                 // Over (centered)
}
`,Jd=`
float sdfBox(vec2 p, vec2 halfSize) {
  vec2 d = abs(p) - halfSize;
  return length(max(d, 0.0)) + min(max(d.x, d.y), 0.0);
}
`,eu=`
float sdfRotatedBox(vec2 p, vec2 halfSize, float angle) {
  float c = cos(-angle);
  float s = sin(-angle);
  vec2 rotatedP = mat2(c, -s, s, c) * p;
  return sdfBox(rotatedP, halfSize);
}
`,tu=`
float sdfRoundedBox(vec2 p, vec2 halfSize, float radius) {
  vec2 d = abs(p) - halfSize + radius;
  return length(max(d, 0.0)) + min(max(d.x, d.y), 0.0) - radius;
}
`,nu=`
float sdfRoundedRotatedBox(vec2 p, vec2 halfSize, float angle, float radius) {
  float c = cos(-angle);
  float s = sin(-angle);
  vec2 rotatedP = mat2(c, -s, s, c) * p;
  return sdfRoundedBox(rotatedP, halfSize, radius);
}
`,yo=`
vec2 labelBoxCenter(float positionMode, float labelStart, vec2 halfSize, float textHalfY) {
  if (positionMode < 0.5) return vec2(labelStart + halfSize.x, 0.0);    // right
  if (positionMode < 1.5) return vec2(-(labelStart + halfSize.x), 0.0); // left
  if (positionMode < 2.5) return vec2(0.0, -(labelStart + textHalfY));  // above
  if (positionMode < 3.5) return vec2(0.0, labelStart + textHalfY);     // below
  return vec2(0.0);                                                     // over
}
`,pr=2,je=`
vec4 readNodeData(sampler2D nodeDataTexture, int nodeDataTextureWidth, int nodeIndex) {
  int t = nodeIndex * `.concat(pr,`;
  ivec2 coord = ivec2(t % nodeDataTextureWidth, t / nodeDataTextureWidth);
  return texelFetch(nodeDataTexture, coord, 0);
}
`),dt=`
vec4 readNodeFlags(sampler2D nodeDataTexture, int nodeDataTextureWidth, int nodeIndex) {
  int t = nodeIndex * `.concat(pr,` + 1;
  ivec2 coord = ivec2(t % nodeDataTextureWidth, t / nodeDataTextureWidth);
  return texelFetch(nodeDataTexture, coord, 0);
}
`),au=`
vec4 readNodeColor(sampler2D nodeDataTexture, int nodeDataTextureWidth, int nodeIndex) {
  int t = nodeIndex * `.concat(pr,` + 1;
  ivec2 coord = ivec2(t % nodeDataTextureWidth, t / nodeDataTextureWidth);
  vec4 texel = texelFetch(nodeDataTexture, coord, 0);
  float r = floor(texel.b / 65536.0);
  float g = floor(mod(texel.b, 65536.0) / 256.0);
  float b = mod(texel.b, 256.0);
  return vec4(r / 255.0, g / 255.0, b / 255.0, texel.a);
}
`),Mt=`
vec4 readFrameTexel(sampler2D frameTexture, int frameTextureWidth, int index) {
  ivec2 coord = ivec2(index % frameTextureWidth, index / frameTextureWidth);
  return texelFetch(frameTexture, coord, 0);
}
`;function ru(a,e){var t=function(o){return ua(o,"uv","size")};if(a.length===1)return{code:no(t(a[0])),multiShape:!1};var n=a.map(function(i,o){return"    case ".concat(e?e[o]:o,": return ").concat(t(i),";")}).join(`
`),r=`
float queryShapeSDF(int shapeId, vec2 uv, float size) {
  switch (shapeId) {
`.concat(n,`
    default: return `).concat(t(a[0]),`;
  }
}
int g_shapeId;
`).concat(no("queryShapeSDF(g_shapeId, uv, size)"),`
`);return{code:r,multiShape:!0}}function no(a){return`
float findEdgeDistance(vec2 direction, float size) {
  float lo = 0.0, hi = 2.0;
  for (int i = 0; i < 8; i++) {
    float mid = (lo + hi) * 0.5;
    vec2 uv = direction * mid;
    if (`.concat(a,` < 0.0) lo = mid; else hi = mid;
  }
  return (lo + hi) * 0.5;
}
`)}function iu(a,e){for(;!{}.hasOwnProperty.call(a,e)&&(a=ot(a))!==null;);return a}function dr(){return dr=typeof Reflect<"u"&&Reflect.get?Reflect.get.bind():function(a,e,t){var n=iu(a,e);if(n){var r=Object.getOwnPropertyDescriptor(n,e);return r.get?r.get.call(arguments.length<3?a:t):r.value}},dr.apply(null,arguments)}function he(a,e,t,n){var r=dr(ot(1&n?a.prototype:a),e,t);return 2&n&&typeof r=="function"?function(i){return r.apply(t,i)}:r}var ou=1024,su=1.5,lu=4096,bo=-1,ca=(function(){function a(e,t){var n=arguments.length>2&&arguments[2]!==void 0?arguments[2]:ou;ee(this,a),S(this,"texture",null),S(this,"dirty",!1),S(this,"dirtyRangeStart",1/0),S(this,"dirtyRangeEnd",-1),S(this,"indexMap",new Map),S(this,"freeIndices",[]),S(this,"nextIndex",0),this.gl=e,this.TEXELS_PER_ITEM=t,this.capacity=this.roundUpToPowerOfTwo(n);var r=this.computeTextureDimensions(this.capacity);this.textureWidth=r.width,this.textureHeight=r.height,this.data=new Float32Array(this.textureWidth*this.textureHeight*4),this.createTexture()}return te(a,[{key:"computeTextureDimensions",value:function(t){var n=t*this.TEXELS_PER_ITEM,r=Math.min(n,lu),i=Math.ceil(n/r);return{width:r,height:i}}},{key:"roundUpToPowerOfTwo",value:function(t){return Math.pow(2,Math.ceil(Math.log2(Math.max(1,t))))}},{key:"createTexture",value:function(){var t=this.gl;this.texture=t.createTexture(),t.activeTexture(t.TEXTURE0),t.bindTexture(t.TEXTURE_2D,this.texture),t.texImage2D(t.TEXTURE_2D,0,t.RGBA32F,this.textureWidth,this.textureHeight,0,t.RGBA,t.FLOAT,this.data),t.texParameteri(t.TEXTURE_2D,t.TEXTURE_MIN_FILTER,t.NEAREST),t.texParameteri(t.TEXTURE_2D,t.TEXTURE_MAG_FILTER,t.NEAREST),t.texParameteri(t.TEXTURE_2D,t.TEXTURE_WRAP_S,t.CLAMP_TO_EDGE),t.texParameteri(t.TEXTURE_2D,t.TEXTURE_WRAP_T,t.CLAMP_TO_EDGE),t.bindTexture(t.TEXTURE_2D,null)}},{key:"resize",value:function(t){if(!(t<=this.capacity)){var n=this.roundUpToPowerOfTwo(Math.ceil(t*su)),r=this.gl,i=this.computeTextureDimensions(n),o=new Float32Array(i.width*i.height*4);o.set(this.data),this.texture&&r.deleteTexture(this.texture),this.data=o,this.capacity=n,this.textureWidth=i.width,this.textureHeight=i.height,this.createTexture(),this.dirty=!0,this.dirtyRangeStart=0,this.dirtyRangeEnd=this.nextIndex}}},{key:"allocate",value:function(t){var n=this.indexMap.get(t);if(n!==void 0)return n;var r;return this.freeIndices.length>0?r=this.freeIndices.pop():(r=this.nextIndex++,r>=this.capacity&&this.resize(r+1)),this.indexMap.set(t,r),r}},{key:"free",value:function(t){var n=this.indexMap.get(t);if(n!==void 0){this.indexMap.delete(t),this.freeIndices.push(n);for(var r=n*this.TEXELS_PER_ITEM*4,i=0;i<this.TEXELS_PER_ITEM*4;i++)this.data[r+i]=0;this.markDirty(n)}}},{key:"getIndex",value:function(t){var n;return(n=this.indexMap.get(t))!==null&&n!==void 0?n:-1}},{key:"has",value:function(t){return this.indexMap.has(t)}},{key:"markDirty",value:function(t){this.dirty=!0,this.dirtyRangeStart=Math.min(this.dirtyRangeStart,t),this.dirtyRangeEnd=Math.max(this.dirtyRangeEnd,t+1)}},{key:"upload",value:function(){if(!(!this.dirty||!this.texture)){var t=this.gl,n=this.textureWidth;t.activeTexture(t.TEXTURE0),t.bindTexture(t.TEXTURE_2D,this.texture);var r=this.dirtyRangeStart*this.TEXELS_PER_ITEM,i=Math.min(this.dirtyRangeEnd*this.TEXELS_PER_ITEM,this.capacity*this.TEXELS_PER_ITEM);if(r<i)for(var o=Math.floor(r/n),s=Math.floor((i-1)/n),l=o;l<=s;l++){var d=l*n,u=Math.min(d+n,this.capacity*this.TEXELS_PER_ITEM),c=Math.max(r,d),g=Math.min(i,u);if(c<g){var f=c-d,h=g-c,m=this.data.subarray(c*4,g*4);t.texSubImage2D(t.TEXTURE_2D,0,f,l,h,1,t.RGBA,t.FLOAT,m)}}t.bindTexture(t.TEXTURE_2D,null),this.dirty=!1,this.dirtyRangeStart=1/0,this.dirtyRangeEnd=-1}}},{key:"bind",value:function(t){var n=this.gl;n.activeTexture(n.TEXTURE0+t),n.bindTexture(n.TEXTURE_2D,this.texture)}},{key:"getTexture",value:function(){return this.texture}},{key:"getCapacity",value:function(){return this.capacity}},{key:"getTextureWidth",value:function(){return this.textureWidth}},{key:"getTextureHeight",value:function(){return this.textureHeight}},{key:"getTexelsPerItem",value:function(){return this.TEXELS_PER_ITEM}},{key:"getCount",value:function(){return this.indexMap.size}},{key:"getHighWaterMark",value:function(){return this.nextIndex}},{key:"isDirty",value:function(){return this.dirty}},{key:"clear",value:function(){this.indexMap.clear(),this.freeIndices=[],this.nextIndex=0,this.data.fill(0),this.dirty=!0,this.dirtyRangeStart=0,this.dirtyRangeEnd=this.capacity}},{key:"restore",value:function(){this.createTexture(),this.dirty=!1,this.dirtyRangeStart=1/0,this.dirtyRangeEnd=-1}},{key:"kill",value:function(){this.texture&&(this.gl.deleteTexture(this.texture),this.texture=null),this.indexMap.clear(),this.freeIndices=[]}}])})();function Ce(a){var e={},t={},n=0,r=O(a),i;try{for(r.s();!(i=r.n()).done;){var o=i.value,s=O(o.attributes),l;try{for(s.s();!(l=s.n()).done;){var d=l.value,u=d.name.replace(/^a_/,"");u in e||(e[u]=n,t[u]=d,n+=d.size)}}catch(c){s.e(c)}finally{s.f()}}}catch(c){r.e(c)}finally{r.f()}return{floatsPerItem:n,texelsPerItem:Math.max(1,Math.ceil(n/4)),offsets:e,specs:t}}var ha=(function(a){function e(t,n,r){var i;return ee(this,e),i=se(this,e,[t,n.texelsPerItem,r]),i.floatsPerItem=n.floatsPerItem,i}return le(e,a),te(e,[{key:"updateAllAttributes",value:function(n,r){var i=this.indexMap.get(n);i===void 0&&(i=this.allocate(n));for(var o=i*this.TEXELS_PER_ITEM*4,s=Math.min(r.length,this.floatsPerItem),l=0;l<s;l++)this.data[o+l]=r[l];this.markDirty(i)}},{key:"updateAllAttributesAtRow",value:function(n,r){n>=this.capacity&&this.resize(n+1);for(var i=n*this.TEXELS_PER_ITEM*4,o=Math.min(r.length,this.floatsPerItem),s=0;s<o;s++)this.data[i+s]=r[s];this.markDirty(n)}}])})(ca);function fa(a,e,t){for(var n=[],r=new Set,i=0;i<a.length;i++){var o=a[i],s=O(o.attributes),l;try{for(s.s();!(l=s.n()).done;){var d=l.value,u=d.name.replace(/^a_/,"");if(!r.has(u)){r.add(u);var c=e.offsets[u];if(c!==void 0){var g=t?.get(i);n.push({sourceKey:d.source||u,packedOffset:c,size:d.size,isColor:d.size===4&&!!d.normalized,defaultNum:typeof d.defaultValue=="number"?d.defaultValue:d.defaultValue===!0?1:0,defaultColor:typeof d.defaultValue=="string"?d.defaultValue:"",sourceIndex:i,hasLifecycleHook:!!(g!=null&&g.getAttributeData)})}}}}catch(f){s.e(f)}finally{s.f()}}return n}function ga(a,e,t,n,r,i){t.fill(0);for(var o=0,s=a.length;o<s;o++){var l=a[o],d=l.packedOffset,u=void 0;if(l.hasLifecycleHook){var c=r.get(l.sourceIndex-i);u=c.getAttributeData(e,l.sourceKey),u===null&&(u=e[l.sourceKey])}else u=e[l.sourceKey];if(l.isColor){var g=typeof u=="string"?u:l.defaultColor||n,f=Ke(g),h=ae(f,4),m=h[0],v=h[1],p=h[2],y=h[3];t[d]=m/255,t[d+1]=v/255,t[d+2]=p/255,t[d+3]=y/255}else if(l.size===1)t[d]=typeof u=="number"?u:typeof u=="boolean"?u?1:0:l.defaultNum;else{var b=Array.isArray(u)?u:null;if(b)for(var _=0;_<l.size;_++){var x;t[d+_]=(x=b[_])!==null&&x!==void 0?x:0}}}}var ra=["r","g","b","a"];function Nt(a,e){var t=a.offsets,n=a.specs,r=a.texelsPerItem,i=a.floatsPerItem,o=Object.keys(t);if(o.length===0||i===0)return{fetchCode:"",varyingAssignments:""};var s=e.varPrefix,l=e.baseTexelExpr,d=e.textureWidthUniform,u=e.textureSamplerUniform,c=e.outputPrefix,g=c===void 0?"v_":c,f=[];f.push("  int ".concat(s,"BaseTexel = ").concat(l,";")),f.push("");for(var h=0;h<r;h++)f.push("  ivec2 ".concat(s,"Coord").concat(h," = ivec2((").concat(s,"BaseTexel + ").concat(h,") % ").concat(d,", (").concat(s,"BaseTexel + ").concat(h,") / ").concat(d,");")),f.push("  vec4 ".concat(s,"Texel").concat(h," = texelFetch(").concat(u,", ").concat(s,"Coord").concat(h,", 0);"));f.push("");for(var m=[],v=function(){var _=y[p],x=n[_],T=t[_],w=Math.floor(T/4),E=T%4,C="".concat(s,"Texel").concat(w),R="".concat(s,"Texel").concat(w+1),I="".concat(s,"Fetched_").concat(_);if(x.size===1)f.push("  float ".concat(I," = ").concat(C,".").concat(ra[E],";"));else if(x.size===4&&E===0)f.push("  vec4 ".concat(I," = ").concat(C,";"));else{var A=E+x.size;if(A<=4){var P="vec".concat(x.size),D=ra.slice(E,A).join("");f.push("  ".concat(P," ").concat(I," = ").concat(C,".").concat(D,";"))}else{var F=x.size===4?"vec4":"vec".concat(x.size),z=ra.slice(E).map(function(k){return"".concat(C,".").concat(k)}),G=ra.slice(0,A-4).map(function(k){return"".concat(R,".").concat(k)}),L=[].concat(q(z),q(G)).join(", ");f.push("  ".concat(F," ").concat(I," = ").concat(F,"(").concat(L,");"))}}m.push("  ".concat(g).concat(_," = ").concat(I,";"))},p=0,y=o;p<y.length;p++)v();return{fetchCode:f.join(`
`),varyingAssignments:m.join(`
`)}}function vr(a,e,t){if(!(!e||t.type==="sampler2D"))switch(t.type){case"float":a.uniform1f(e,t.value);break;case"int":case"bool":a.uniform1i(e,t.value);break;case"vec2":a.uniform2fv(e,t.value);break;case"vec3":a.uniform3fv(e,t.value);break;case"vec4":a.uniform4fv(e,t.value);break;case"mat3":a.uniformMatrix3fv(e,!1,t.value);break;case"mat4":a.uniformMatrix4fv(e,!1,t.value);break}}var du=S(S(S(S(S(S(S(S({},WebGL2RenderingContext.BOOL,1),WebGL2RenderingContext.BYTE,1),WebGL2RenderingContext.UNSIGNED_BYTE,1),WebGL2RenderingContext.SHORT,2),WebGL2RenderingContext.UNSIGNED_SHORT,2),WebGL2RenderingContext.INT,4),WebGL2RenderingContext.UNSIGNED_INT,4),WebGL2RenderingContext.FLOAT,4);function ia(a){var e=a.match(/^(#version[^\n]*\n)/);return e?e[1]+`#define PICKING_MODE
`+a.slice(e[1].length):`#define PICKING_MODE
`+a}var ut=(function(){function a(e,t,n){ee(this,a),S(this,"floats",new Float32Array),S(this,"ints",new Uint32Array),S(this,"constantArray",new Float32Array),S(this,"capacity",0),S(this,"verticesCount",0),S(this,"bufferGeneration",0),S(this,"uploadedGeneration",new Map),S(this,"constantBufferGeneration",0),S(this,"uploadedConstantGeneration",new Map),S(this,"renderOffset",0),S(this,"renderCount",-1),S(this,"debugStats",{drawCalls:0,verticesDrawn:0,bufferUploadBytes:0}),S(this,"shadersLogged",!1),S(this,"pickProgram",null);var r=this.getDefinition();if(this.VERTICES=r.VERTICES,this.VERTEX_SHADER_SOURCE=r.VERTEX_SHADER_SOURCE,this.FRAGMENT_SHADER_SOURCE=r.FRAGMENT_SHADER_SOURCE,this.UNIFORMS=r.UNIFORMS,this.ATTRIBUTES=r.ATTRIBUTES,this.METHOD=r.METHOD,this.CONSTANT_ATTRIBUTES="CONSTANT_ATTRIBUTES"in r?r.CONSTANT_ATTRIBUTES:[],this.CONSTANT_DATA="CONSTANT_DATA"in r?r.CONSTANT_DATA:[],this.isInstanced="CONSTANT_ATTRIBUTES"in r,this.ATTRIBUTES_ITEMS_COUNT=lr(this.ATTRIBUTES),this.STRIDE=this.VERTICES*this.ATTRIBUTES_ITEMS_COUNT,this.renderer=n,this.normalProgram=this.getProgramInfo("normal",e,r.VERTEX_SHADER_SOURCE,r.FRAGMENT_SHADER_SOURCE,null),this.pickProgram=this.getProgramInfo("pick",e,ia(r.VERTEX_SHADER_SOURCE),ia(r.FRAGMENT_SHADER_SOURCE),null),this.isInstanced){var i=lr(this.CONSTANT_ATTRIBUTES);if(this.CONSTANT_DATA.length!==this.VERTICES)throw new Error("Program: error while getting constant data (expected ".concat(this.VERTICES," items, received ").concat(this.CONSTANT_DATA.length," instead)"));this.constantArray=new Float32Array(this.CONSTANT_DATA.length*i);for(var o=0;o<this.CONSTANT_DATA.length;o++){var s=this.CONSTANT_DATA[o];if(s.length!==i)throw new Error("Program: error while getting constant data (one vector has ".concat(s.length," items instead of ").concat(i,")"));for(var l=0;l<s.length;l++)this.constantArray[o*i+l]=s[l]}this.STRIDE=this.ATTRIBUTES_ITEMS_COUNT}}return te(a,[{key:"kill",value:function(){to(this.normalProgram),this.pickProgram&&to(this.pickProgram)}},{key:"resetDebugStats",value:function(){this.debugStats.drawCalls=0,this.debugStats.verticesDrawn=0,this.debugStats.bufferUploadBytes=0}},{key:"getProgramInfo",value:function(t,n,r,i,o){var s=n.createBuffer();if(s===null)throw new Error("Program: error while creating the WebGL buffer.");var l=ur(n,r),d=cr(n,i),u=hr(n,[l,d]),c={};this.UNIFORMS.forEach(function(h){var m=n.getUniformLocation(u,h);m&&(c[h]=m)});var g={};this.ATTRIBUTES.forEach(function(h){g[h.name]=n.getAttribLocation(u,h.name)});var f;if(this.isInstanced&&(this.CONSTANT_ATTRIBUTES.forEach(function(h){g[h.name]=n.getAttribLocation(u,h.name)}),f=n.createBuffer(),f===null))throw new Error("Program: error while creating the WebGL constant buffer.");return{name:t,program:u,gl:n,frameBuffer:o,buffer:s,constantBuffer:f||{},uniformLocations:c,attributeLocations:g,isPicking:t==="pick",vertexShader:l,fragmentShader:d}}},{key:"bindProgram",value:function(t){var n=this,r=0,i=t.gl,o=t.buffer;if(this.isInstanced){if(i.bindBuffer(i.ARRAY_BUFFER,t.constantBuffer),r=0,this.CONSTANT_ATTRIBUTES.forEach(function(u){return r+=n.bindAttribute(u,t,r,!1)}),this.uploadedConstantGeneration.get(t.constantBuffer)!==this.constantBufferGeneration){var l;i.bufferData(i.ARRAY_BUFFER,this.constantArray,i.STATIC_DRAW),this.uploadedConstantGeneration.set(t.constantBuffer,this.constantBufferGeneration),(l=this.renderer)!==null&&l!==void 0&&l.getSetting("DEBUG_logRenderStats")&&(this.debugStats.bufferUploadBytes+=this.constantArray.byteLength)}if(i.bindBuffer(i.ARRAY_BUFFER,t.buffer),r=this.renderOffset*this.ATTRIBUTES_ITEMS_COUNT*Float32Array.BYTES_PER_ELEMENT,this.ATTRIBUTES.forEach(function(u){return r+=n.bindAttribute(u,t,r,!0)}),this.uploadedGeneration.get(o)!==this.bufferGeneration){var d;i.bufferData(i.ARRAY_BUFFER,this.floats,i.DYNAMIC_DRAW),this.uploadedGeneration.set(o,this.bufferGeneration),(d=this.renderer)!==null&&d!==void 0&&d.getSetting("DEBUG_logRenderStats")&&(this.debugStats.bufferUploadBytes+=this.floats.byteLength)}}else if(i.bindBuffer(i.ARRAY_BUFFER,o),r=0,this.ATTRIBUTES.forEach(function(u){return r+=n.bindAttribute(u,t,r)}),this.uploadedGeneration.get(o)!==this.bufferGeneration){var s;i.bufferData(i.ARRAY_BUFFER,this.floats,i.DYNAMIC_DRAW),this.uploadedGeneration.set(o,this.bufferGeneration),(s=this.renderer)!==null&&s!==void 0&&s.getSetting("DEBUG_logRenderStats")&&(this.debugStats.bufferUploadBytes+=this.floats.byteLength)}i.bindBuffer(i.ARRAY_BUFFER,null)}},{key:"unbindProgram",value:function(t){var n=this;this.isInstanced?(this.CONSTANT_ATTRIBUTES.forEach(function(r){return n.unbindAttribute(r,t,!1)}),this.ATTRIBUTES.forEach(function(r){return n.unbindAttribute(r,t,!0)})):this.ATTRIBUTES.forEach(function(r){return n.unbindAttribute(r,t)})}},{key:"bindAttribute",value:function(t,n,r,i){var o=du[t.type];if(typeof o!="number")throw new Error('Program.bind: yet unsupported attribute type "'.concat(t.type,'"'));var s=n.attributeLocations[t.name],l=n.gl;if(s!==-1){l.enableVertexAttribArray(s);var d=this.isInstanced?(i?this.ATTRIBUTES_ITEMS_COUNT:lr(this.CONSTANT_ATTRIBUTES))*Float32Array.BYTES_PER_ELEMENT:this.ATTRIBUTES_ITEMS_COUNT*Float32Array.BYTES_PER_ELEMENT;l.vertexAttribPointer(s,t.size,t.type,t.normalized||!1,d,r),this.isInstanced&&i&&l.vertexAttribDivisor(s,1)}return t.size*o}},{key:"unbindAttribute",value:function(t,n,r){var i=n.attributeLocations[t.name],o=n.gl;i!==-1&&(o.disableVertexAttribArray(i),this.isInstanced&&r&&o.vertexAttribDivisor(i,0))}},{key:"reallocate",value:function(t){t!==this.capacity&&(this.capacity=t,this.verticesCount=this.VERTICES*t,this.floats=new Float32Array(this.isInstanced?this.capacity*this.ATTRIBUTES_ITEMS_COUNT:this.verticesCount*this.ATTRIBUTES_ITEMS_COUNT),this.ints=new Uint32Array(this.floats.buffer),this.invalidateBuffers())}},{key:"invalidateBuffers",value:function(){this.bufferGeneration++,this.constantBufferGeneration++}},{key:"hasNothingToRender",value:function(){return this.verticesCount===0}},{key:"setTypedUniform",value:function(t,n){var r;vr(n.gl,(r=n.uniformLocations[t.name])!==null&&r!==void 0?r:null,t)}},{key:"renderProgram",value:function(t,n){var r=n.gl,i=n.program,o=n.isPicking;o?r.disable(r.BLEND):r.enable(r.BLEND),r.useProgram(i),this.setUniforms(t,n),this.drawWebGL(this.METHOD,n)}},{key:"render",value:function(t,n,r){var i;if(!this.shadersLogged&&(i=this.renderer)!==null&&i!==void 0&&i.getSetting("DEBUG_logShaders")&&(this.shadersLogged=!0,console.log("[sigma] DEBUG_logShaders: ".concat(this.constructor.name),{normal:{vertexShaderSource:this.VERTEX_SHADER_SOURCE,fragmentShaderSource:this.FRAGMENT_SHADER_SOURCE},pick:{vertexShaderSource:ia(this.VERTEX_SHADER_SOURCE),fragmentShaderSource:ia(this.FRAGMENT_SHADER_SOURCE)}})),!this.hasNothingToRender()){this.renderOffset=n??0,this.renderCount=r??-1;var o=this.normalProgram.gl;if(o.bindFramebuffer(o.FRAMEBUFFER,null),o.viewport(0,0,t.width*t.pixelRatio,t.height*t.pixelRatio),this.bindProgram(this.normalProgram),this.renderProgram(t,this.normalProgram),this.unbindProgram(this.normalProgram),this.pickProgram&&t.pickingFrameBuffer){var s=Math.ceil(t.width*t.pixelRatio/t.downSizingRatio),l=Math.ceil(t.height*t.pixelRatio/t.downSizingRatio);o.bindFramebuffer(o.FRAMEBUFFER,t.pickingFrameBuffer),o.viewport(0,0,s,l),this.bindProgram(this.pickProgram),this.renderProgram(t,this.pickProgram),this.unbindProgram(this.pickProgram),o.bindFramebuffer(o.FRAMEBUFFER,null),o.viewport(0,0,t.width*t.pixelRatio,t.height*t.pixelRatio)}}}},{key:"drawWebGL",value:function(t,n){var r,i=n.gl,o=this.renderCount>=0?this.renderCount:this.capacity;(r=this.renderer)!==null&&r!==void 0&&r.getSetting("DEBUG_logRenderStats")&&(this.debugStats.drawCalls++,this.debugStats.verticesDrawn+=o*this.VERTICES),this.isInstanced?i.drawArraysInstanced(t,0,this.VERTICES,o):i.drawArrays(t,this.renderOffset*this.VERTICES,o*this.VERTICES)}}])})(),Je=2,bn=7,xo={below:0,above:1,left:2,right:3};function uu(){var a=`#version 300 es
precision highp float;

uniform mat3 u_matrix;
uniform vec2 u_resolution;
uniform float u_labelPixelSnapping;
uniform float u_sizeRatio;
uniform float u_correctionRatio;
uniform float u_cameraAngle;
uniform float u_pixelRatio;
uniform float u_labelMargin;
uniform float u_zoomLabelSizeRatio;

uniform sampler2D u_nodeDataTexture;
uniform int u_nodeDataTextureWidth;
uniform sampler2D u_nodeFrameTexture;
uniform int u_nodeFrameTextureWidth;

// Atlas size is fixed at 2048×2048 — matches AttachmentManager.ATLAS_SIZE.
uniform sampler2D u_atlasTexture;
const vec2 u_atlasSize = vec2(2048.0);

// Per-instance
in float a_nodeIndex;           // node-data texture index
in vec4 a_atlasRect;            // x, y, width, height in atlas pixels
in vec2 a_attachmentSize;       // attachment dimensions (CSS px)
in float a_positionMode;        // label position: 0=right 1=left 2=above 3=below 4=over
in float a_attachmentPlacement; // 0=below 1=above 2=left 3=right (relative to label)
in float a_labelWidth;          // label width (CSS px)
in float a_labelHeight;         // label height: font line box (CSS px)
in float a_textHeight;          // actual glyph height (CSS px)
in float a_labelAngle;          // label rotation angle (radians)

// Per-vertex (constant)
in vec2 a_quadCorner;           // [-1,-1], [1,-1], [-1,1], [1,1]

out vec2 v_texCoord;

`.concat(je,`
`).concat(dt,`
`).concat(Mt,`
`).concat(yo,`
`).concat(yn,`

void main() {
  int nodeIdx = int(a_nodeIndex);

  // Node data: (x, y, size, shapeId).
  vec4 nodeData = readNodeData(u_nodeDataTexture, u_nodeDataTextureWidth, nodeIdx);
  vec2 nodePos = nodeData.xy;
  float nodeSize = nodeData.z;

  // Normalized edge distance from the shared frame texture (the frame-pass ran
  // the SDF search once; we just read the result).
  float edgeDist = readFrameTexel(u_nodeFrameTexture, u_nodeFrameTextureWidth, nodeIdx).r;

  // Per-node label rotation alignment: 0 = viewport, 1 = label turns with camera.
  float labelRotation = readNodeFlags(u_nodeDataTexture, u_nodeDataTextureWidth, nodeIdx).g;

  vec3 nodeClip = u_matrix * vec3(nodePos, 1.0);

  // Node radius in physical pixels (matches label/background).
  float matrixScaleX = length(vec2(u_matrix[0][0], u_matrix[1][0]));
  float nodeRadiusGraphSpace = nodeSize * u_correctionRatio / u_sizeRatio * 2.0;
  float nodeRadiusPixels = nodeRadiusGraphSpace * matrixScaleX * u_resolution.x / 2.0;

  // CSS-px inputs -> physical px, scaled by the zoom-dependent label ratio, so
  // the attachment stays glued to the label box exactly as the label scales.
  float zoomScale = u_zoomLabelSizeRatio;
  vec2 labelHalf = vec2(a_labelWidth, a_labelHeight) * 0.5 * zoomScale * u_pixelRatio;
  vec2 attachHalf = a_attachmentSize * 0.5 * zoomScale * u_pixelRatio;
  float gap = `).concat(Je.toFixed(1),` * zoomScale * u_pixelRatio;
  float labelMargin = u_labelMargin * zoomScale * u_pixelRatio;

  // Graph-aligned labels add the camera angle so the attachment orbits with the box.
  mat2 labelRotMat = rotate2D(a_labelAngle - labelRotation * u_cameraAngle);

  // Label box center relative to the node center (pre-rotation). The shape-aware
  // edge distance comes from the frame texture, so placement matches the label.
  vec2 boxCenter = vec2(0.0);
  if (a_positionMode < 4.0) {
    float labelStart = nodeRadiusPixels * edgeDist + labelMargin;
    float textHalf = a_textHeight * 0.5 * zoomScale * u_pixelRatio;
    boxCenter = labelBoxCenter(a_positionMode, labelStart, labelHalf, textHalf);
  }

  // Horizontal anchor of below/above attachments tracks the label position, so
  // the attachment hangs from the label edge nearest the node (or is centered
  // when the label itself is node-centered): right->left, left->right, else center.
  float anchorX = 0.0;
  if (a_positionMode < 0.5) anchorX = -labelHalf.x + attachHalf.x;       // right label
  else if (a_positionMode < 1.5) anchorX = labelHalf.x - attachHalf.x;   // left label

  // Attachment center relative to the box (pre-rotation, Y-down). This offset
  // depends only on the box, the gap and the attachment size — never the shape.
  vec2 attachCenter;
  if (a_attachmentPlacement < 0.5) {
    // below
    attachCenter = boxCenter + vec2(anchorX, labelHalf.y + gap + attachHalf.y);
  } else if (a_attachmentPlacement < 1.5) {
    // above
    attachCenter = boxCenter + vec2(anchorX, -(labelHalf.y + gap + attachHalf.y));
  } else if (a_attachmentPlacement < 2.5) {
    // left, top-aligned
    attachCenter = boxCenter + vec2(-(labelHalf.x + gap + attachHalf.x), -labelHalf.y + attachHalf.y);
  } else {
    // right, top-aligned
    attachCenter = boxCenter + vec2(labelHalf.x + gap + attachHalf.x, -labelHalf.y + attachHalf.y);
  }

  // Rotate the whole assembly by the label angle, around the node center.
  vec2 rotatedCenter = labelRotMat * attachCenter;
  vec2 cornerOffset = labelRotMat * (a_quadCorner * attachHalf);

  // Node center in screen px (Y-down).
  vec2 nodeScreen = vec2(
    (nodeClip.x + 1.0) * u_resolution.x,
    (1.0 - nodeClip.y) * u_resolution.y
  ) * 0.5;

  // Snap node center to the pixel grid so label/backdrop/attachment move as one.
  vec2 snapDelta = (round(nodeScreen) - nodeScreen) * u_labelPixelSnapping;

  // Snap the quad's top-left to integer pixels so atlas texels map 1:1.
  vec2 centerScreen = nodeScreen + rotatedCenter + snapDelta;
  vec2 topLeft = centerScreen - attachHalf;
  topLeft = mix(topLeft, round(topLeft), u_labelPixelSnapping);
  centerScreen = topLeft + attachHalf;

  vec2 vertexScreen = centerScreen + cornerOffset;
  gl_Position = vec4(
    vertexScreen.x * 2.0 / u_resolution.x - 1.0,
    1.0 - vertexScreen.y * 2.0 / u_resolution.y,
    0.0, 1.0
  );

  vec2 texOrigin = a_atlasRect.xy / u_atlasSize;
  vec2 texSize = a_atlasRect.zw / u_atlasSize;
  vec2 uv = (a_quadCorner + 1.0) / 2.0;
  v_texCoord = texOrigin + uv * texSize;
}
`);return a}var cu=`#version 300 es
precision highp float;

uniform sampler2D u_atlasTexture;

in vec2 v_texCoord;

layout(location = 0) out vec4 fragColor;
#ifdef PICKING_MODE
layout(location = 1) out vec4 pickColor;
#endif

void main() {
  // Canvas textures are premultiplied; output directly for (ONE, 1-SRC_ALPHA) blending
  vec4 color = texture(u_atlasTexture, v_texCoord);
  if (color.a < 0.01) discard;
  fragColor = color;
#ifdef PICKING_MODE
  pickColor = vec4(0.0); // Attachments are not pickable
#endif
}
`;function hu(a,e,t,n){var r,i,o=n.label,s=o===void 0?{}:o,l=(r=s.margin)!==null&&r!==void 0?r:zt,d=(i=s.zoomToLabelSizeRatioFunction)!==null&&i!==void 0?i:function(){return 1},u=uu(),c=cu,g=(function(f){function h(){var m;ee(this,h);for(var v=arguments.length,p=new Array(v),y=0;y<v;y++)p[y]=arguments[y];return m=se(this,h,[].concat(p)),S(m,"totalCount",0),S(m,"bufferCapacity",0),m}return le(h,f),te(h,[{key:"getDefinition",value:function(){var v=WebGL2RenderingContext,p=v.FLOAT,y=v.TRIANGLE_STRIP;return{VERTICES:4,VERTEX_SHADER_SOURCE:u,FRAGMENT_SHADER_SOURCE:c,METHOD:y,UNIFORMS:["u_matrix","u_resolution","u_labelPixelSnapping","u_sizeRatio","u_correctionRatio","u_cameraAngle","u_pixelRatio","u_labelMargin","u_zoomLabelSizeRatio","u_nodeDataTexture","u_nodeDataTextureWidth","u_nodeFrameTexture","u_nodeFrameTextureWidth","u_atlasTexture"],ATTRIBUTES:[{name:"a_nodeIndex",size:1,type:p},{name:"a_atlasRect",size:4,type:p},{name:"a_attachmentSize",size:2,type:p},{name:"a_positionMode",size:1,type:p},{name:"a_attachmentPlacement",size:1,type:p},{name:"a_labelWidth",size:1,type:p},{name:"a_labelHeight",size:1,type:p},{name:"a_textHeight",size:1,type:p},{name:"a_labelAngle",size:1,type:p}],CONSTANT_ATTRIBUTES:[{name:"a_quadCorner",size:2,type:p}],CONSTANT_DATA:[[-1,-1],[1,-1],[-1,1],[1,1]]}}},{key:"processAttachment",value:function(v,p){var y=this.floats,b=v*this.STRIDE;y[b++]=p.nodeIndex,y[b++]=p.atlasX,y[b++]=p.atlasY,y[b++]=p.atlasW,y[b++]=p.atlasH,y[b++]=p.attachWidth,y[b++]=p.attachHeight,y[b++]=p.positionMode,y[b++]=p.attachmentPlacement,y[b++]=p.labelWidth,y[b++]=p.labelHeight,y[b++]=p.textHeight,y[b++]=p.labelAngle}},{key:"setUniforms",value:function(v,p){var y=p.gl,b=p.uniformLocations;y.uniformMatrix3fv(b.u_matrix,!1,v.matrix),y.uniform2f(b.u_resolution,v.width*v.pixelRatio,v.height*v.pixelRatio),y.uniform1f(b.u_labelPixelSnapping,v.labelPixelSnapping),y.uniform1f(b.u_sizeRatio,v.sizeRatio),y.uniform1f(b.u_correctionRatio,v.correctionRatio),y.uniform1f(b.u_cameraAngle,v.cameraAngle),y.uniform1f(b.u_pixelRatio,v.pixelRatio),y.uniform1f(b.u_labelMargin,h.labelMargin),y.uniform1f(b.u_zoomLabelSizeRatio,1/d(v.zoomRatio)),y.uniform1i(b.u_nodeDataTexture,v.nodeDataTextureUnit),y.uniform1i(b.u_nodeDataTextureWidth,v.nodeDataTextureWidth),y.uniform1i(b.u_nodeFrameTexture,v.nodeFrameTextureUnit),y.uniform1i(b.u_nodeFrameTextureWidth,v.nodeFrameTextureWidth),y.uniform1i(b.u_atlasTexture,bn)}},{key:"reallocateAttachments",value:function(v){this.totalCount=v,v>this.bufferCapacity&&(this.bufferCapacity=Math.max(v,Math.ceil(this.bufferCapacity*1.5)||10),he(h,"reallocate",this,3)([this.bufferCapacity]))}},{key:"hasNothingToRender",value:function(){return this.totalCount===0}},{key:"drawWebGL",value:function(v,p){var y=p.gl;this.totalCount!==0&&y.drawArraysInstanced(v,0,this.VERTICES,this.totalCount)}}])})(ut);return S(g,"labelMargin",l),new g(a,e,t)}var Ze=5;function pa(a,e){return[].concat(q(e),q(a.map(function(t){var n;return{attributes:(n=t.attributes)!==null&&n!==void 0?n:[]}})))}function Ot(a,e){var t=Ce(pa(a,e)),n=new Set(a.flatMap(function(d){var u;return(u=d.attributes)!==null&&u!==void 0?u:[]}).map(function(d){return d.name.replace(/^a_/,"")})),r={},i={},o=O(n),s;try{for(o.s();!(s=o.n()).done;){var l=s.value;r[l]=t.offsets[l],i[l]=t.specs[l]}}catch(d){o.e(d)}finally{o.f()}return B(B({},t),{},{offsets:r,specs:i})}function fu(a,e){var t=new Set(["u_matrix","u_sizeRatio","u_correctionRatio","u_cameraAngle","u_pickingPadding","u_nodeDataTexture","u_layerAttributeTexture"]),n=new Set,r=a.flatMap(function(f){return f.uniforms}).filter(function(f){return t.has(f.name)||n.has(f.name)?!1:(n.add(f.name),!0)}).map(function(f){return"uniform ".concat(f.type," ").concat(f.name,";")}).join(`
`),i=e.flatMap(function(f){return f.uniforms}).filter(function(f){return t.has(f.name)||n.has(f.name)?!1:(n.add(f.name),!0)}).map(function(f){return"uniform ".concat(f.type," ").concat(f.name,";")}).join(`
`),o=pa(a,e),s=new Set,l=o.flatMap(function(f){return f.attributes}).filter(function(f){var h=f.name.replace(/^a_/,"");return s.has(h)?!1:(s.add(h),!0)}).map(function(f){var h=f.name.replace(/^a_/,""),m=f.size===1?"float":"vec".concat(f.size);return"out ".concat(m," v_").concat(h,";")}).join(`
`),d=Nt(Ce(o),{varPrefix:"layer",baseTexelExpr:"nodeIdx * u_layerAttributeTexelsPerNode",textureWidthUniform:"u_layerAttributeTextureWidth",textureSamplerUniform:"u_layerAttributeTexture"}),u=d.fetchCode,c=d.varyingAssignments,g=`#version 300 es

// Standard node attributes (per instance) - minimal buffer usage
in float a_nodeIndex;  // Index into node data texture AND layer attribute texture
in vec4 a_id;          // Node ID for picking
in float a_opacity;    // Node opacity, applied once to the final fragment

// Constant attributes (per vertex, same for all instances)
in vec2 a_quadCorner;  // (-1,-1), (1,-1), (1,1), (-1,1) for quad corners

// Standard uniforms
uniform mat3 u_matrix;
uniform float u_sizeRatio;
uniform float u_correctionRatio;
uniform float u_cameraAngle;
#ifdef PICKING_MODE
uniform float u_pickingPadding;
#endif
uniform sampler2D u_nodeDataTexture;
uniform int u_nodeDataTextureWidth;

// Layer attribute texture uniforms
uniform sampler2D u_layerAttributeTexture;
uniform int u_layerAttributeTextureWidth;
uniform int u_layerAttributeTexelsPerNode;

`.concat(r,`
`).concat(i,`

// Standard varyings
out vec2 v_uv;                    // Normalized coordinates [-1, 1]
out vec4 v_id;
out float v_opacity;
out float v_antialiasingWidth;    // Width for antialiasing in UV space
out float v_pixelSize;            // Node size in pixels (for pixel-mode borders)
out float v_pixelToUV;            // Conversion factor: multiply by this to convert screen pixels to UV units
out float v_shapeId;              // Shape ID for multi-shape programs

// Layer varyings
`).concat(l,`

// Node-data fetch helpers (geometry texel + rotation-flags texel)
`).concat(je,`
`).concat(dt,`

void main() {
  // Fetch node geometry: vec4(x, y, size, shapeId).
  int nodeIdx = int(a_nodeIndex);

  // Hidden nodes are flagged with a negative row by NodeProgram.process(). Push
  // the whole quad outside the clip volume: every vertex lands at the same
  // out-of-range position, so the primitive is fully clipped and rasterizes
  // nothing — neither to the frame buffer nor to the picking buffer.
  if (nodeIdx < 0) {
    gl_Position = vec4(2.0, 0.0, 0.0, 1.0);
    v_id = vec4(0.0);
    return;
  }

  vec4 nodeData = readNodeData(u_nodeDataTexture, u_nodeDataTextureWidth, nodeIdx);
  vec2 a_position = nodeData.xy;
  float a_size = nodeData.z;
  v_shapeId = nodeData.w;  // Pass shape ID to fragment shader

  // Per-node rotation alignment: 0 = viewport (screen-upright), 1 = graph.
  float nodeRotation = readNodeFlags(u_nodeDataTexture, u_nodeDataTextureWidth, nodeIdx).r;

`).concat(u,`

  // Calculate the actual size in pixels
  float size = a_size * u_correctionRatio / u_sizeRatio * 2.0;

  // In PICKING_MODE, inflate the quad by nodePickingPadding pixels on each side
  #ifdef PICKING_MODE
    float paddedSize = size + u_pickingPadding * u_correctionRatio;
    vec2 offset = a_quadCorner * paddedSize;
  #else
    vec2 offset = a_quadCorner * size;
  #endif
  // Counter-rotate the quad offset so viewport-aligned nodes stay upright as the
  // camera turns. Graph-aligned nodes (nodeRotation=1) skip it and turn with the
  // camera. The angle scales by (1 - nodeRotation) so both fall out of one path.
  {
    float ca = u_cameraAngle * (1.0 - nodeRotation);
    float c = cos(ca);
    float s = sin(ca);
    offset = mat2(c, s, -s, c) * offset;
  }
  vec2 position = a_position + offset;

  gl_Position = vec4(
    (u_matrix * vec3(position, 1)).xy,
    0,
    1
  );

  // In PICKING_MODE, UV is scaled beyond [-1, 1] to match the inflated quad
  #ifdef PICKING_MODE
    v_uv = a_quadCorner * (paddedSize / size);
  #else
    v_uv = a_quadCorner;
  #endif

  // Pass ID to fragment shader
  v_id = a_id;
  v_opacity = a_opacity;

  // Pass pixel size for layers that need pixel-mode calculations
  // Multiply by 2 because 'size' is half-width (offset from center), not full diameter
  v_pixelSize = size * 2.0;

  // Conversion factor from screen pixels to UV units
  // Same derivation as v_antialiasingWidth which represents ~1 pixel in UV space
  // P pixels in UV space = P * u_correctionRatio / size
  v_pixelToUV = u_correctionRatio / size;

  // We use an antialiasing width of 1px (so v_pixelToUV)
  v_antialiasingWidth = v_pixelToUV;

  // Pass layer attributes to fragment shader (fetched from texture)
`).concat(c,`
}
`);return g}function gu(a,e,t){var n=arguments.length>3&&arguments[3]!==void 0?arguments[3]:!0,r=e.map(function(h,m){var v="layer_".concat(h.name),p=[].concat(q(h.attributes.map(function(y){return"v_".concat(y.name.replace(/^a_/,""))})),q(h.uniforms.map(function(y){return y.name}))).join(", ");return"  // Layer ".concat(m+1,": ").concat(h.name,`
  color = blendOver(color, `).concat(v,"(").concat(p,"));")}).join(`

`),i=new Set(["u_correctionRatio"]),o=new Set,s=a.flatMap(function(h){return h.uniforms}).filter(function(h){return i.has(h.name)||o.has(h.name)?!1:(o.add(h.name),!0)}).map(function(h){return"uniform ".concat(h.type," ").concat(h.name,";")}).join(`
`),l=e.flatMap(function(h){return h.uniforms}).filter(function(h){return i.has(h.name)||o.has(h.name)?!1:(o.add(h.name),!0)}).map(function(h){return"uniform ".concat(h.type," ").concat(h.name,";")}).join(`
`),d=new Set,u=pa(a,e).flatMap(function(h){return h.attributes}).filter(function(h){var m=h.name.replace(/^a_/,"");return d.has(m)?!1:(d.add(m),!0)}).map(function(h){var m=h.name.replace(/^a_/,""),v=h.size===1?"float":"vec".concat(h.size);return"in ".concat(v," v_").concat(m,";")}).join(`
`),c=fr(a),g=Qd(a,t),f=`#version 300 es
precision highp float;

// Standard varyings
in vec2 v_uv;
in vec4 v_id;
in float v_opacity;
in float v_antialiasingWidth;
in float v_pixelSize;
in float v_pixelToUV;
in float v_shapeId;  // Shape ID for multi-shape programs

// Standard uniforms (needed for some layer calculations like pixel-mode borders)
uniform float u_correctionRatio;
#ifdef PICKING_MODE
uniform float u_pickingPadding;
#endif

// Shape uniforms
`.concat(s,`

// Layer uniforms
`).concat(l,`

// Layer varyings
`).concat(u,`

// Fragment output (single target - picking handled via separate pass)
out vec4 fragColor;

// LayerContext struct - provides rendering context to all layers
struct LayerContext {
  float sdf;             // Signed distance from shape boundary (negative inside)
  vec2 uv;               // UV coordinates [-1, 1], center at (0,0)
  float shapeSize;       // Effective shape size (~diameter) in UV space (1.0 - aaWidth)
  float shapeHalfSize;   // Effective shape half size (~radius) in UV space
  float pixelSize;       // Node full size (~diameter) in screen pixels
  float aaWidth;         // Anti-aliasing width for smooth transitions
  float correctionRatio; // Scaling factor for consistent rendering across zoom levels
  float pixelToUV;       // Conversion factor: multiply screen pixels by this to get UV units
  float inradiusFactor;  // Ratio of inradius to circumradius (shape depth factor)
};

LayerContext context;  // Global instance, populated before layer calls

// Alpha "over" compositing for layer blending
vec4 blendOver(vec4 bg, vec4 fg) {
  float a = fg.a;
  return vec4(mix(bg.rgb, fg.rgb, a), bg.a + a * (1.0 - bg.a));
}

// SDF shape functions
`).concat(c,`

// Shape selector function (sets context.sdf and context.inradiusFactor)
`).concat(g,`

// Layer functions
`).concat(e.map(function(h){return h.glsl}).join(`

`),`

void main() {
  // 1. Setup LayerContext (available to all layer functions)
  context.shapeSize = 1.0 - v_antialiasingWidth;
  context.shapeHalfSize = context.shapeSize * 0.5;
  context.pixelSize = v_pixelSize;
  context.uv = v_uv;
  context.aaWidth = v_antialiasingWidth;
  context.correctionRatio = u_correctionRatio;
  context.pixelToUV = v_pixelToUV;

  // Query shape SDF based on shapeId (sets context.sdf and context.inradiusFactor)
  queryNodeSDF(int(v_shapeId), v_uv, context.shapeSize);

  // 2. Early discard for pixels fully outside the shape (with AA margin)
  // In PICKING_MODE, allow extra fragments up to the picking padding distance
  #ifdef PICKING_MODE
    if (context.sdf > u_pickingPadding * v_pixelToUV + context.aaWidth) discard;
  #else
    if (context.sdf > context.aaWidth) discard;
  #endif

  // 3. Apply layers sequentially with "over" compositing
  vec4 color = vec4(0.0);

`).concat(r,`

  #ifdef PICKING_MODE
    // Picking pass: output node ID for pixels within the picking area.
    if (context.sdf > u_pickingPadding * v_pixelToUV) discard;
    fragColor = v_id;
  #else
`).concat(n?`    // Visual pass: apply antialiasing at shape boundary, node opacity once
    // smoothstep provides smooth transition from opaque to transparent
    float alpha = smoothstep(context.aaWidth, -context.aaWidth, context.sdf) * v_opacity;`:`    // Visual pass: hard-edged (no anti-aliasing gradient) shape boundary, node opacity applied once
    float alpha = (context.sdf < 0.0 ? 1.0 : 0.0) * v_opacity;`,`
    // Mix with transparent to fade both color AND alpha together (avoids bright halo)
    fragColor = mix(vec4(0.0), color, alpha);
  #endif
}
`);return f}function pu(a,e){var t=new Set;return t.add("u_matrix"),t.add("u_sizeRatio"),t.add("u_correctionRatio"),t.add("u_cameraAngle"),t.add("u_pickingPadding"),t.add("u_nodeDataTexture"),t.add("u_nodeDataTextureWidth"),t.add("u_layerAttributeTexture"),t.add("u_layerAttributeTextureWidth"),t.add("u_layerAttributeTexelsPerNode"),a.forEach(function(n){n.uniforms.forEach(function(r){return t.add(r.name)})}),e.forEach(function(n){n.uniforms.forEach(function(r){return t.add(r.name)})}),Array.from(t)}function vu(a){var e=WebGL2RenderingContext,t=e.UNSIGNED_BYTE,n=e.FLOAT;return[{name:"a_nodeIndex",size:1,type:n},{name:"a_id",size:4,type:t,normalized:!0},{name:"a_opacity",size:1,type:n}]}function ao(a){var e=a.shapes,t=a.layers,n=a.shapeGlobalIds,r=a.antialias,i=r===void 0?!0:r;return{vertexShader:fu(e,t),fragmentShader:gu(e,t,n,i),uniforms:pu(e,t),attributes:vu()}}function _o(a,e,t){var n=Ot(a,e),r=n.specs;return Object.keys(r).map(function(i){return"flat ".concat(t," ").concat(r[i].size===1?"float":"vec".concat(r[i].size)," v_").concat(i,";")}).join(`
`)}function mu(a){var e,t,n=a.shapes,r=a.layers,i=a.shapeGlobalIds,o=Nt(Ot(n,r),{varPrefix:"nodeAttr",baseTexelExpr:"nodeIdx * u_layerAttributeTexelsPerNode",textureWidthUniform:"u_layerAttributeTextureWidth",textureSamplerUniform:"u_layerAttributeTexture"}),s=n.length===1?"float inradiusFactor = ".concat(de((e=n[0].inradiusFactor)!==null&&e!==void 0?e:1),";"):"float inradiusFactor = ".concat(de((t=n[0].inradiusFactor)!==null&&t!==void 0?t:1),`;
  switch (int(shapeId)) {
`).concat(n.map(function(d,u){var c,g=i?i[u]:u;return"    case ".concat(g,": inradiusFactor = ").concat(de((c=d.inradiusFactor)!==null&&c!==void 0?c:1),"; break;")}).join(`
`),`
    default: break;
  }`),l=`#version 300 es

in float a_nodeIndex;
in float a_labelWidth;
in float a_labelHeight;
in float a_textHeight;
in float a_positionMode;
in float a_labelAngle;
in vec4 a_backdropColor;
in vec4 a_backdropShadowColor;
in float a_backdropShadowBlur;
in float a_backdropPadding;
in vec4 a_backdropBorderColor;
in vec4 a_backdropExtra; // [borderWidth, cornerRadius, labelPadding, area]
in vec2 a_labelBoxOffset;
in vec2 a_quadCorner;

uniform mat3 u_matrix;
uniform float u_sizeRatio;
uniform float u_correctionRatio;
uniform float u_cameraAngle;
uniform vec2 u_resolution;
uniform float u_pixelRatio;
uniform float u_labelMargin;
uniform float u_zoomLabelSizeRatio;
uniform float u_labelPixelSnapping;
uniform sampler2D u_nodeDataTexture;
uniform int u_nodeDataTextureWidth;
uniform sampler2D u_nodeFrameTexture;
uniform int u_nodeFrameTextureWidth;
uniform sampler2D u_layerAttributeTexture;
uniform int u_layerAttributeTextureWidth;
uniform int u_layerAttributeTexelsPerNode;

out vec2 v_uv;
out vec2 v_nodeCenter;
out float v_nodeRadius;
out vec2 v_labelCenter;
out vec2 v_labelHalfSize;
out float v_aaWidth;
out float v_shapeId;
out float v_nodeRotation;
out float v_labelAngle;
out vec4 v_backdropColor;
out vec4 v_backdropShadowColor;
out float v_backdropShadowBlur;
out float v_backdropPadding;
out vec4 v_backdropBorderColor;
out float v_backdropBorderWidth;
out float v_backdropCornerRadius;
out float v_backdropArea;
`.concat(_o(n,r,"out"),`

`).concat(je,`
`).concat(dt,`
`).concat(Mt,`

void main() {
  int nodeIdx = int(a_nodeIndex);
`).concat(o.fetchCode,`
`).concat(o.varyingAssignments,`

  // Node data: (x, y, size, shapeId). shapeId (global) is forwarded to the
  // fragment shader, which keeps the shape SDF for the outline.
  vec4 nodeData = readNodeData(u_nodeDataTexture, u_nodeDataTextureWidth, nodeIdx);
  vec2 nodePosition = nodeData.xy;
  float nodeSize = nodeData.z;
  float shapeId = nodeData.w;

  // Per-node rotation alignment (0 = viewport, 1 = graph). nodeRotation drives
  // the fragment's shape outline; labelRotation turns the label box with camera.
  vec4 nodeFlags = readNodeFlags(u_nodeDataTexture, u_nodeDataTextureWidth, nodeIdx);
  float nodeRotation = nodeFlags.r;
  float labelRotation = nodeFlags.g;
  v_nodeRotation = nodeRotation;

  `).concat(vo,`
  // CSS pixel attributes are multiplied by u_pixelRatio to match nodeRadiusPixels,
  // which is already in physical pixels (nodeRadiusNDC * u_resolution.x / 2.0).
  float padding = a_backdropPadding * u_pixelRatio;
  float shadowBlur = a_backdropShadowBlur * u_pixelRatio;
  // Unpack a_backdropExtra: [borderWidth, cornerRadius, labelPadding, area]
  float borderWidth = a_backdropExtra.x * u_pixelRatio;
  float cornerRadius = a_backdropExtra.y * u_pixelRatio;
  float labelPad = a_backdropExtra.z * u_pixelRatio;
  float backdropArea = a_backdropExtra.w;
  // Use 2x shadowBlur so the Gaussian fully decays before the quad edge
  float totalExpansion = shadowBlur * 2.0 + borderWidth;
  float enlargedRadius = nodeRadiusPixels + padding;

  // Circumscribed radius for the quad bounds. Non-circular shapes reach past
  // their inradius out to their circumradius (= enlargedRadius / inradiusFactor),
  // in any direction once rotated. The axis-aligned quad must contain that, or
  // the fill/shadow gets clipped (square corners, triangle tip, etc.).
  `).concat(s,`
  float boundRadius = enlargedRadius / inradiusFactor;

  // Apply zoom-dependent label size scaling
  float zoomScale = u_zoomLabelSizeRatio;
  float labelW = a_labelWidth * zoomScale * u_pixelRatio;
  float labelH = a_labelHeight * zoomScale * u_pixelRatio;
  float labelMargin = u_labelMargin * zoomScale * u_pixelRatio;

  // Only apply labelPad when a label is actually present
  float effectiveLabelPad = labelW > 0.0 ? labelPad : 0.0;
  vec2 labelHalfSize = vec2(labelW * 0.5 + effectiveLabelPad, labelH * 0.5 + effectiveLabelPad);
  vec2 labelOffset = vec2(0.0);

  // Effective label angle: intrinsic angle plus the camera angle when the label
  // is graph-aligned, so the box orbits the node in lockstep with the frame-pass.
  float labelAngle = a_labelAngle - labelRotation * u_cameraAngle;
  float la_c = cos(labelAngle);
  float la_s = sin(labelAngle);
  mat2 labelRotMat = mat2(la_c, -la_s, la_s, la_c);

  vec3 nodeClip = u_matrix * vec3(nodePosition, 1.0);
  vec2 snapDelta = vec2(0.0);

  if (labelW > 0.0) {
    // labelW > 0.0 means this node's label is displayed, so the frame-pass wrote
    // its edge distance this frame.
    float edgeDistPixels = nodeRadiusPixels * readFrameTexel(u_nodeFrameTexture, u_nodeFrameTextureWidth, nodeIdx).r;
    // labelMargin matches the label shader's margin (gap from node edge to text)
    float labelStart = edgeDistPixels + labelMargin;
    // Above/below center on the actual glyph height, not the font line box, so
    // the box stays aligned with the rendered text (matches labelBoxCenter()).
    float textHalf = a_textHeight * zoomScale * u_pixelRatio * 0.5;

    // Snap node center to pixel grid so label/backdrop/attachment move as a unit
    vec2 nodeScreen = vec2(
      (nodeClip.x + 1.0) * u_resolution.x,
      (1.0 - nodeClip.y) * u_resolution.y
    ) * 0.5;
    snapDelta = (round(nodeScreen) - nodeScreen) * u_labelPixelSnapping;

    if (a_positionMode < 0.5) {
      // Right: box spans from node center to text end + padding
      float boxRightEdge = labelStart + labelW + labelPad;
      labelOffset = vec2(boxRightEdge * 0.5, 0.0);
      labelHalfSize.x = boxRightEdge * 0.5;
    } else if (a_positionMode < 1.5) {
      // Left: mirror of right
      float boxLeftEdge = labelStart + labelW + labelPad;
      labelOffset = vec2(-boxLeftEdge * 0.5, 0.0);
      labelHalfSize.x = boxLeftEdge * 0.5;
    } else if (a_positionMode < 2.5) {
      // Above: text bottom at labelStart, centered horizontally
      labelOffset = vec2(0.0, -(labelStart + textHalf));
    } else if (a_positionMode < 3.5) {
      // Below: text top at labelStart, centered horizontally
      labelOffset = vec2(0.0, labelStart + textHalf);
    }
    // over (>=4): labelOffset stays (0,0) — text centered on the node.

    // The attachment-cover shift is in label space (like the attachment itself),
    // so rotate it together with the position offset — otherwise the box drifts
    // off the attachment as the label angle grows.
    labelOffset = labelRotMat * (labelOffset + a_labelBoxOffset * zoomScale * u_pixelRatio);
  }

  // For node-only mode, zero out label dimensions
  if (backdropArea > 0.5 && backdropArea < 1.5) {
    labelHalfSize = vec2(0.0);
    labelOffset = vec2(0.0);
  }

  vec2 minBound, maxBound;

  bool hasLabelBounds = labelW > 0.0 && (backdropArea > 1.5 || backdropArea < 0.5);

  if (hasLabelBounds) {
    // Union with label bounds (area=both) or label-only bounds (area=label)
    vec2 labelMin, labelMax;

    if (a_labelAngle != 0.0) {
      vec2 corner1 = labelOffset + labelRotMat * vec2(-labelHalfSize.x, -labelHalfSize.y);
      vec2 corner2 = labelOffset + labelRotMat * vec2(labelHalfSize.x, -labelHalfSize.y);
      vec2 corner3 = labelOffset + labelRotMat * vec2(labelHalfSize.x, labelHalfSize.y);
      vec2 corner4 = labelOffset + labelRotMat * vec2(-labelHalfSize.x, labelHalfSize.y);
      labelMin = min(min(corner1, corner2), min(corner3, corner4));
      labelMax = max(max(corner1, corner2), max(corner3, corner4));
    } else {
      labelMin = labelOffset - labelHalfSize;
      labelMax = labelOffset + labelHalfSize;
    }

    if (backdropArea > 1.5) {
      // Label-only: bounds from label rect only
      minBound = labelMin - totalExpansion;
      maxBound = labelMax + totalExpansion;
    } else {
      // Both: union of node + label
      minBound = min(-vec2(boundRadius), labelMin) - totalExpansion;
      maxBound = max(vec2(boundRadius), labelMax) + totalExpansion;
    }
  } else {
    // Node-only or no visible label
    float totalRadius = boundRadius + totalExpansion;
    minBound = -vec2(totalRadius);
    maxBound = vec2(totalRadius);
  }

  vec2 quadSize = maxBound - minBound;
  vec2 quadCenter = (minBound + maxBound) * 0.5;

  vec2 localPos = quadCenter + a_quadCorner * quadSize * 0.5 + snapDelta;
  vec2 ndcOffset = localPos * 2.0 / u_resolution;
  ndcOffset.y = -ndcOffset.y;

  gl_Position = vec4(nodeClip.xy + ndcOffset, 0.0, 1.0);

  v_uv = localPos;
  v_nodeCenter = vec2(0.0);
  v_nodeRadius = nodeRadiusPixels;
  v_labelCenter = labelOffset;
  v_labelHalfSize = labelHalfSize;
  v_aaWidth = 1.0;
  v_shapeId = shapeId;
  v_labelAngle = labelAngle;
  v_backdropColor = a_backdropColor;
  v_backdropShadowColor = a_backdropShadowColor;
  v_backdropShadowBlur = a_backdropShadowBlur;
  v_backdropPadding = a_backdropPadding;
  v_backdropBorderColor = a_backdropBorderColor;
  v_backdropBorderWidth = borderWidth;
  v_backdropCornerRadius = cornerRadius;
  v_backdropArea = backdropArea;
}
`);return l}function yu(a){var e=a.shapes,t=a.layers,n=a.shapeGlobalIds,r=fr(e),i=mn(e).map(function(g){return"uniform ".concat(g.type," ").concat(g.name,";")}).join(`
`),o=function(f){return ua(f,"nodeUV","1.0")},s;if(e.length===1)s="float nodeSdfNormalized = ".concat(o(e[0]),";");else{var l=e.map(function(g,f){var h=n?n[f]:f;return"    case ".concat(h,": nodeSdfNormalized = ").concat(o(g),"; break;")}).join(`
`),d=o(e[0]);s=`float nodeSdfNormalized;
  int shapeId = int(v_shapeId);
  switch (shapeId) {
`.concat(l,`
    default: nodeSdfNormalized = `).concat(d,`;
  }`)}var u=`float effectiveRadius = max(enlargedRadius - cornerRadius, 0.01);
  float ca = u_cameraAngle * v_nodeRotation;
  float ca_c = cos(ca);
  float ca_s = sin(ca);
  vec2 rotatedScreenUV = mat2(ca_c, -ca_s, ca_s, ca_c) * screenUV;
  vec2 nodeUV = vec2(rotatedScreenUV.x, -rotatedScreenUV.y) / effectiveRadius;`,c=`#version 300 es
precision highp float;

in vec2 v_uv;
in vec2 v_nodeCenter;
in float v_nodeRadius;
in vec2 v_labelCenter;
in vec2 v_labelHalfSize;
in float v_aaWidth;
in float v_shapeId;
in float v_nodeRotation;
in float v_labelAngle;
in vec4 v_backdropColor;
in vec4 v_backdropShadowColor;
in float v_backdropShadowBlur;
in float v_backdropPadding;
in vec4 v_backdropBorderColor;
in float v_backdropBorderWidth;
in float v_backdropCornerRadius;
in float v_backdropArea;
`.concat(_o(e,t,"in"),`

uniform float u_cameraAngle;
`).concat(i,`

layout(location = 0) out vec4 fragColor;
layout(location = 1) out vec4 fragPicking;

`).concat(r,`
`).concat(Jd,`
`).concat(eu,`
`).concat(tu,`
`).concat(nu,`

void main() {
  vec4 backdropColor = v_backdropColor;
  vec4 shadowColor = v_backdropShadowColor;
  float shadowBlur = v_backdropShadowBlur;
  float padding = v_backdropPadding;
  vec4 borderColor = v_backdropBorderColor;
  float borderWidth = v_backdropBorderWidth;
  float cornerRadius = v_backdropCornerRadius;

  float enlargedRadius = v_nodeRadius + padding;
  vec2 screenUV = v_uv - v_nodeCenter;
  `).concat(u,`

  // Query the correct shape SDF based on shapeId
  `).concat(s,`
  float nodeSdfPixels = nodeSdfNormalized * effectiveRadius - cornerRadius;

  // Label SDF with optional corner radius and rotation
  float labelSdfPixels;
  if (v_labelHalfSize.x > 0.0) {
    vec2 labelP = v_uv - v_labelCenter;
    labelSdfPixels = sdfRoundedRotatedBox(labelP, v_labelHalfSize, v_labelAngle, cornerRadius);
  } else {
    labelSdfPixels = 10000.0;
  }

  // Select area: 0=both, 1=node, 2=label
  float combinedSdf;
  if (v_backdropArea > 1.5) {
    combinedSdf = labelSdfPixels;
  } else if (v_backdropArea > 0.5) {
    combinedSdf = nodeSdfPixels;
  } else {
    combinedSdf = min(nodeSdfPixels, labelSdfPixels);
  }

  // Fill + border composite
  float outerEdge = smoothstep(v_aaWidth, -v_aaWidth, combinedSdf);
  vec4 background;
  if (borderWidth > 0.5) {
    float innerEdge = smoothstep(v_aaWidth, -v_aaWidth, combinedSdf + borderWidth);
    float fillAlpha = innerEdge * backdropColor.a;
    vec4 fill = vec4(backdropColor.rgb * fillAlpha, fillAlpha);
    float borderAlpha = (outerEdge - innerEdge) * borderColor.a;
    vec4 border = vec4(borderColor.rgb * borderAlpha, borderAlpha);
    background = fill + border * (1.0 - fill.a);
  } else {
    float fillAlpha = outerEdge * backdropColor.a;
    background = vec4(backdropColor.rgb * fillAlpha, fillAlpha);
  }

  // Gaussian-like shadow falloff (mimics canvas shadowBlur)
  vec4 shadow = vec4(0.0);
  float sigma = shadowBlur / 2.5;
  if (sigma > 0.001) {
    float shadowDist = max(0.0, combinedSdf);
    float shadowAlpha = exp(-(shadowDist * shadowDist) / (2.0 * sigma * sigma)) * shadowColor.a;
    shadow = vec4(shadowColor.rgb * shadowAlpha, shadowAlpha);
  }

  fragColor = background + shadow * (1.0 - background.a);
  fragPicking = vec4(0.0);
}
`);return c}function bu(a){var e=["u_matrix","u_sizeRatio","u_correctionRatio","u_cameraAngle","u_resolution","u_pixelRatio","u_labelMargin","u_zoomLabelSizeRatio","u_labelPixelSnapping","u_nodeDataTexture","u_nodeDataTextureWidth","u_nodeFrameTexture","u_nodeFrameTextureWidth","u_layerAttributeTexture","u_layerAttributeTextureWidth","u_layerAttributeTexelsPerNode"],t=O(mn(a)),n;try{for(t.s();!(n=t.n()).done;){var r=n.value;e.includes(r.name)||e.push(r.name)}}catch(i){t.e(i)}finally{t.f()}return e}function xu(a){return{vertexShader:mu(a),fragmentShader:yu(a),uniforms:bu(a.shapes)}}function _u(a,e,t,n){var r,i,o=n.label,s=o===void 0?{}:o,l=n.shapes,d=n.layers,u=n.getAttributeTexture,c=n.shapeGlobalIds;if(l.length===0)throw new Error("createBackdropProgram: at least one shape must be provided in 'shapes'");var g=(r=s.margin)!==null&&r!==void 0?r:5,f=(i=s.zoomToLabelSizeRatioFunction)!==null&&i!==void 0?i:function(){return 1},h={shapes:l,layers:d,shapeGlobalIds:c},m=xu(h),v=(function(p){function y(){var b;ee(this,y);for(var _=arguments.length,x=new Array(_),T=0;T<_;T++)x[T]=arguments[T];return b=se(this,y,[].concat(x)),S(b,"totalBackdropCount",0),S(b,"bufferCapacity",0),b}return le(y,p),te(y,[{key:"getDefinition",value:function(){var _=WebGL2RenderingContext,x=_.FLOAT,T=_.TRIANGLE_STRIP;return{VERTICES:4,VERTEX_SHADER_SOURCE:m.vertexShader,FRAGMENT_SHADER_SOURCE:m.fragmentShader,METHOD:T,UNIFORMS:m.uniforms,ATTRIBUTES:[{name:"a_nodeIndex",size:1,type:x},{name:"a_labelWidth",size:1,type:x},{name:"a_labelHeight",size:1,type:x},{name:"a_textHeight",size:1,type:x},{name:"a_positionMode",size:1,type:x},{name:"a_labelAngle",size:1,type:x},{name:"a_backdropColor",size:4,type:x},{name:"a_backdropShadowColor",size:4,type:x},{name:"a_backdropShadowBlur",size:1,type:x},{name:"a_backdropPadding",size:1,type:x},{name:"a_backdropBorderColor",size:4,type:x},{name:"a_backdropExtra",size:4,type:x},{name:"a_labelBoxOffset",size:2,type:x}],CONSTANT_ATTRIBUTES:[{name:"a_quadCorner",size:2,type:x}],CONSTANT_DATA:[[-1,-1],[1,-1],[-1,1],[1,1]]}}},{key:"processBackdrop",value:function(_,x){var T=this.floats,w=this.STRIDE,E=_*w;T[E++]=x.nodeIndex,T[E++]=x.labelWidth,T[E++]=x.labelHeight,T[E++]=x.textHeight,T[E++]=Gt[x.position],T[E++]=x.labelAngle,T[E++]=x.backdropColor[0],T[E++]=x.backdropColor[1],T[E++]=x.backdropColor[2],T[E++]=x.backdropColor[3],T[E++]=x.backdropShadowColor[0],T[E++]=x.backdropShadowColor[1],T[E++]=x.backdropShadowColor[2],T[E++]=x.backdropShadowColor[3],T[E++]=x.backdropShadowBlur,T[E++]=x.backdropPadding,T[E++]=x.backdropBorderColor[0],T[E++]=x.backdropBorderColor[1],T[E++]=x.backdropBorderColor[2],T[E++]=x.backdropBorderColor[3],T[E++]=x.backdropBorderWidth,T[E++]=x.backdropCornerRadius,T[E++]=x.backdropLabelPadding,T[E++]=x.backdropArea,T[E++]=x.labelBoxOffset[0],T[E++]=x.labelBoxOffset[1]}},{key:"setUniforms",value:function(_,x){var T=x.gl,w=x.uniformLocations;T.uniformMatrix3fv(w.u_matrix,!1,_.matrix),T.uniform1f(w.u_sizeRatio,_.sizeRatio),T.uniform1f(w.u_correctionRatio,_.correctionRatio),T.uniform1f(w.u_cameraAngle,_.cameraAngle),T.uniform2f(w.u_resolution,_.width*_.pixelRatio,_.height*_.pixelRatio),T.uniform1f(w.u_pixelRatio,_.pixelRatio),T.uniform1f(w.u_labelMargin,y.labelMargin),T.uniform1f(w.u_zoomLabelSizeRatio,1/f(_.zoomRatio)),T.uniform1f(w.u_labelPixelSnapping,_.labelPixelSnapping),T.uniform1i(w.u_nodeDataTexture,_.nodeDataTextureUnit),T.uniform1i(w.u_nodeDataTextureWidth,_.nodeDataTextureWidth),T.uniform1i(w.u_nodeFrameTexture,_.nodeFrameTextureUnit),T.uniform1i(w.u_nodeFrameTextureWidth,_.nodeFrameTextureWidth);var E=u();w.u_layerAttributeTexture&&E&&(E.bind(Ze),T.uniform1i(w.u_layerAttributeTexture,Ze),T.uniform1i(w.u_layerAttributeTextureWidth,E.getTextureWidth()),T.uniform1i(w.u_layerAttributeTexelsPerNode,E.getTexelsPerItem()));var C=O(mn(l)),R;try{for(C.s();!(R=C.n()).done;){var I=R.value;this.setTypedUniform(I,x)}}catch(A){C.e(A)}finally{C.f()}}},{key:"hasNothingToRender",value:function(){return this.totalBackdropCount===0}},{key:"drawWebGL",value:function(_,x){var T=x.gl;this.totalBackdropCount!==0&&(this.isInstanced?T.drawArraysInstanced(_,0,this.VERTICES,this.totalBackdropCount):T.drawArrays(_,0,this.totalBackdropCount*this.VERTICES))}},{key:"reallocate",value:function(_){this.totalBackdropCount=_,_>this.bufferCapacity&&(this.bufferCapacity=Math.max(_,Math.ceil(this.bufferCapacity*1.5)||10),he(y,"reallocate",this,3)([this.bufferCapacity]))}}])})(ut);return S(v,"labelMargin",g),new v(a,e,t)}var To=(function(a){function e(){var t;ee(this,e);for(var n=arguments.length,r=new Array(n),i=0;i<n;i++)r[i]=arguments[i];return t=se(this,e,[].concat(r)),S(t,"totalCharacterCount",0),S(t,"bufferCapacity",0),t}return le(e,a),te(e,[{key:"processLabel",value:function(n,r,i){if(i.hidden||!i.text)return 0;for(var o=i.text,s=o.length,l=0;l<s;l++){var d=o[l];this.processCharacter(r+l,i,d,l)}return s}},{key:"hasNothingToRender",value:function(){return this.totalCharacterCount===0}},{key:"drawWebGL",value:function(n,r){var i=r.gl;this.totalCharacterCount!==0&&(this.isInstanced?i.drawArraysInstanced(n,0,this.VERTICES,this.totalCharacterCount):i.drawArrays(n,0,this.totalCharacterCount*this.VERTICES))}},{key:"reallocate",value:function(n){this.totalCharacterCount=n,n>this.bufferCapacity&&(this.bufferCapacity=Math.max(n,Math.ceil(this.bufferCapacity*1.5)||1e3),he(e,"reallocate",this,3)([this.bufferCapacity]))}}])})(ut);function Tu(){var a=`#version 300 es

in float a_nodeIndex;
in vec4 a_id;
in vec4 a_color;
in float a_labelWidth;
in float a_labelHeight;
in float a_textHeight;
in float a_positionMode;
in float a_labelAngle;
in float a_padding;
in vec2 a_quadCorner;

uniform mat3 u_matrix;
uniform float u_sizeRatio;
uniform float u_correctionRatio;
uniform float u_cameraAngle;
uniform vec2 u_resolution;
uniform float u_pixelRatio;
uniform float u_labelMargin;
uniform float u_zoomLabelSizeRatio;
uniform float u_labelPixelSnapping;
uniform float u_pickingPadding;
uniform sampler2D u_nodeDataTexture;
uniform int u_nodeDataTextureWidth;
uniform sampler2D u_nodeFrameTexture;
uniform int u_nodeFrameTextureWidth;

out vec4 v_id;
out vec4 v_color;

`.concat(je,`
`).concat(dt,`
`).concat(Mt,`
`).concat(yo,`

void main() {
  int nodeIdx = int(a_nodeIndex);

  // Node data: (x, y, size, shapeId).
  vec4 nodeData = readNodeData(u_nodeDataTexture, u_nodeDataTextureWidth, nodeIdx);
  vec2 nodePosition = nodeData.xy;
  float nodeSize = nodeData.z;

  // Shape-aware edge distance, read once from the shared frame texture.
  float edgeDist = readFrameTexel(u_nodeFrameTexture, u_nodeFrameTextureWidth, nodeIdx).r;

  // Per-node label rotation alignment: 0 = viewport, 1 = label turns with camera.
  float labelRotation = readNodeFlags(u_nodeDataTexture, u_nodeDataTextureWidth, nodeIdx).g;

  `).concat(vo,`

  float zoomScale = u_zoomLabelSizeRatio;
  float labelW = a_labelWidth * zoomScale * u_pixelRatio;
  float labelH = a_labelHeight * zoomScale * u_pixelRatio;
  float labelMargin = u_labelMargin * zoomScale * u_pixelRatio;
#ifdef PICKING_MODE
  float padding = u_pickingPadding * u_pixelRatio;
#else
  float padding = a_padding * u_pixelRatio;
#endif

  if (labelW <= 0.0) {
    gl_Position = vec4(2.0, 0.0, 0.0, 1.0);
    v_id = vec4(0.0);
    v_color = vec4(0.0);
    return;
  }

  vec2 labelHalfSize = vec2(labelW * 0.5 + padding, labelH * 0.5 + padding);
  vec2 labelOffset = vec2(0.0);

  // Graph-aligned labels add the camera angle so the rect orbits with the text.
  float labelAngle = a_labelAngle - labelRotation * u_cameraAngle;
  float la_c = cos(labelAngle);
  float la_s = sin(labelAngle);
  mat2 labelRotMat = mat2(la_c, -la_s, la_s, la_c);

  vec3 nodeClip = u_matrix * vec3(nodePosition, 1.0);
  vec2 nodeScreen = vec2(
    (nodeClip.x + 1.0) * u_resolution.x,
    (1.0 - nodeClip.y) * u_resolution.y
  ) * 0.5;
  vec2 snapDelta = (round(nodeScreen) - nodeScreen) * u_labelPixelSnapping;

  if (a_positionMode < 4.0) {
    float labelStart = nodeRadiusPixels * edgeDist + labelMargin;
    float textHalf = a_textHeight * zoomScale * u_pixelRatio * 0.5;
    // Box center uses the text half-size; the padding expands the quad below.
    labelOffset = labelRotMat * labelBoxCenter(a_positionMode, labelStart, vec2(labelW * 0.5, labelH * 0.5), textHalf);
  }

  // Rotate the rect with the label so it stays aligned with the (rotated) text.
  vec2 localPos = labelOffset + labelRotMat * (a_quadCorner * labelHalfSize);
  vec2 ndcOffset = (localPos + snapDelta) * 2.0 / u_resolution;
  ndcOffset.y = -ndcOffset.y;

  gl_Position = vec4(nodeClip.xy + ndcOffset, 0.0, 1.0);
  v_id = a_id;
  v_color = a_color;
}
`);return a}var Su=`#version 300 es
precision highp float;

in vec4 v_id;
in vec4 v_color;

out vec4 fragColor;

void main() {
  #ifdef PICKING_MODE
    fragColor = v_id;
  #else
    if (v_color.a <= 0.0) discard;
    // v_color is non-premultiplied RGBA (0-1); convert to premultiplied for blending
    fragColor = vec4(v_color.rgb * v_color.a, v_color.a);
  #endif
}
`;function Eu(a,e,t,n){var r,i,o=n.label,s=o===void 0?{}:o,l=(r=s.margin)!==null&&r!==void 0?r:zt,d=(i=s.zoomToLabelSizeRatioFunction)!==null&&i!==void 0?i:function(){return 1},u=Tu(),c=(function(g){function f(){var h;ee(this,f);for(var m=arguments.length,v=new Array(m),p=0;p<m;p++)v[p]=arguments[p];return h=se(this,f,[].concat(v)),S(h,"totalCount",0),S(h,"bufferCapacity",0),h}return le(f,g),te(f,[{key:"getDefinition",value:function(){var m=WebGL2RenderingContext,v=m.FLOAT,p=m.UNSIGNED_BYTE,y=m.TRIANGLE_STRIP;return{VERTICES:4,VERTEX_SHADER_SOURCE:u,FRAGMENT_SHADER_SOURCE:Su,METHOD:y,UNIFORMS:["u_matrix","u_sizeRatio","u_correctionRatio","u_cameraAngle","u_resolution","u_pixelRatio","u_labelMargin","u_zoomLabelSizeRatio","u_labelPixelSnapping","u_pickingPadding","u_nodeDataTexture","u_nodeDataTextureWidth","u_nodeFrameTexture","u_nodeFrameTextureWidth"],ATTRIBUTES:[{name:"a_nodeIndex",size:1,type:v},{name:"a_id",size:4,type:p,normalized:!0},{name:"a_color",size:4,type:p,normalized:!0},{name:"a_labelWidth",size:1,type:v},{name:"a_labelHeight",size:1,type:v},{name:"a_textHeight",size:1,type:v},{name:"a_positionMode",size:1,type:v},{name:"a_labelAngle",size:1,type:v},{name:"a_padding",size:1,type:v}],CONSTANT_ATTRIBUTES:[{name:"a_quadCorner",size:2,type:v}],CONSTANT_DATA:[[-1,-1],[1,-1],[-1,1],[1,1]]}}},{key:"processLabelBackground",value:function(m,v){var p=this.floats,y=this.ints,b=m*this.STRIDE;p[b++]=v.nodeIndex,y[b++]=v.id,p[b++]=v.color,p[b++]=v.labelWidth,p[b++]=v.labelHeight,p[b++]=v.textHeight,p[b++]=v.positionMode,p[b++]=v.labelAngle,p[b++]=v.padding}},{key:"setUniforms",value:function(m,v){var p=v.gl,y=v.uniformLocations;p.uniformMatrix3fv(y.u_matrix,!1,m.matrix),p.uniform1f(y.u_sizeRatio,m.sizeRatio),p.uniform1f(y.u_correctionRatio,m.correctionRatio),p.uniform1f(y.u_cameraAngle,m.cameraAngle),p.uniform2f(y.u_resolution,m.width*m.pixelRatio,m.height*m.pixelRatio),p.uniform1f(y.u_pixelRatio,m.pixelRatio),p.uniform1f(y.u_labelMargin,f.labelMargin),p.uniform1f(y.u_zoomLabelSizeRatio,1/d(m.zoomRatio)),p.uniform1f(y.u_labelPixelSnapping,m.labelPixelSnapping),p.uniform1f(y.u_pickingPadding,m.labelPickingPadding),p.uniform1i(y.u_nodeDataTexture,m.nodeDataTextureUnit),p.uniform1i(y.u_nodeDataTextureWidth,m.nodeDataTextureWidth),p.uniform1i(y.u_nodeFrameTexture,m.nodeFrameTextureUnit),p.uniform1i(y.u_nodeFrameTextureWidth,m.nodeFrameTextureWidth)}},{key:"hasNothingToRender",value:function(){return this.totalCount===0}},{key:"drawWebGL",value:function(m,v){var p=v.gl;this.totalCount!==0&&p.drawArraysInstanced(p.TRIANGLE_STRIP,0,this.VERTICES,this.totalCount)}},{key:"reallocate",value:function(m){this.totalCount=m,m>this.bufferCapacity&&(this.bufferCapacity=Math.max(m,Math.ceil(this.bufferCapacity*1.5)||10),he(f,"reallocate",this,3)([this.bufferCapacity]))}}])})(ut);return S(c,"labelMargin",l),new c(a,e,t)}var Oe={fontSize:64,buffer:8,radius:24,cutoff:.25,maxTextureSize:2048,debounceTimeout:100},hn=2,gn=1e20;function wu(a,e,t,n,r){var i=a+r*4,o=document.createElement("canvas");o.width=i,o.height=i;var s=o.getContext("2d",{willReadFrequently:!0});return s.font="".concat(n," ").concat(t," ").concat(a,"px ").concat(e),s.textBaseline="alphabetic",s.textAlign="left",s.fillStyle="black",{ctx:s,canvasSize:i,gridOuter:new Float64Array(i*i),gridInner:new Float64Array(i*i),f:new Float64Array(i),z:new Float64Array(i+1),v:new Uint16Array(i)}}function Au(a,e,t,n,r){var i=a.ctx,o=a.canvasSize,s=i.measureText(e),l=s.width,d=s.actualBoundingBoxAscent,u=s.actualBoundingBoxDescent,c=s.actualBoundingBoxLeft,g=s.actualBoundingBoxRight,f=Math.ceil(d),h=Math.ceil(c),m=Math.max(0,Math.min(o-t,Math.ceil(c)+Math.ceil(g))),v=Math.min(o-t,f+Math.ceil(u)),p=m+2*t,y=v+2*t,b=Math.max(p*y,0),_=new Uint8ClampedArray(b),x={data:_,width:p,height:y,glyphWidth:m,glyphHeight:v,glyphTop:f,glyphLeft:h,glyphAdvance:l};if(m===0||v===0)return x;var T=a.gridInner,w=a.gridOuter;i.clearRect(t,t,m,v),i.fillText(e,t+h,t+f);var E=i.getImageData(t,t,m,v);w.fill(gn,0,b),T.fill(0,0,b);for(var C=0;C<v;C++)for(var R=0;R<m;R++){var I=E.data[4*(C*m+R)+3]/255;if(I!==0){var A=(C+t)*p+R+t;if(I===1)w[A]=0,T[A]=gn;else{var P=.5-I;w[A]=P>0?P*P:0,T[A]=P<0?P*P:0}}}ro(w,0,0,p,y,p,a.f,a.v,a.z),ro(T,t,t,m,v,p,a.f,a.v,a.z);for(var D=0;D<b;D++){var F=Math.sqrt(w[D])-Math.sqrt(T[D]);_[D]=Math.round(255-255*(F/n+r))}return x}function ro(a,e,t,n,r,i,o,s,l){for(var d=e;d<e+n;d++)io(a,t*i+d,i,r,o,s,l);for(var u=t;u<t+r;u++)io(a,u*i+e,1,n,o,s,l)}function io(a,e,t,n,r,i,o){i[0]=0,o[0]=-gn,o[1]=gn,r[0]=a[e];for(var s=1,l=0,d=0;s<n;s++){r[s]=a[e+s*t];var u=s*s;do{var c=i[l];d=(r[s]-r[c]+u-c*c)/(s-c)/2}while(d<=o[l]&&--l>-1);l++,i[l]=s,o[l]=d,o[l+1]=gn}for(var g=0,f=0;g<n;g++){for(;o[f+1]<g;)f++;var h=i[f],m=g-h;a[e+g*t]=r[h]+m*m}}var lt=(function(a){function e(){var t,n=arguments.length>0&&arguments[0]!==void 0?arguments[0]:{};return ee(this,e),t=se(this,e),S(t,"fonts",new Map),S(t,"textures",[]),S(t,"cursor",{x:0,y:0,rowHeight:0,atlasIndex:0}),S(t,"pendingGlyphs",[]),S(t,"debounceTimer",null),t.options=B(B({},Oe),n),t.canvas=document.createElement("canvas"),t.canvas.width=t.options.maxTextureSize,t.canvas.height=t.options.maxTextureSize,t.ctx=t.canvas.getContext("2d",{willReadFrequently:!0}),t.measureCanvas=document.createElement("canvas"),t.measureCtx=t.measureCanvas.getContext("2d"),t.textures.push(t.ctx.getImageData(0,0,1,1)),t}return le(e,a),te(e,[{key:"getFontKey",value:function(n){return"".concat(n.family,"-").concat(n.weight,"-").concat(n.style)}},{key:"registerFont",value:function(n){var r=this.getFontKey(n);if(this.fonts.has(r))return r;var i=wu(this.options.fontSize,n.family,n.weight,n.style,this.options.buffer);return this.fonts.set(r,{descriptor:n,generator:i,glyphs:new Map}),r}},{key:"ensureGlyphs",value:function(n,r){var i=this.fonts.get(r);if(!i)throw new Error('Font "'.concat(r,'" is not registered. Call registerFont() first.'));var o=!1,s=O(n),l;try{for(s.s();!(l=s.n()).done;){var d=l.value,u=d.codePointAt(0);u!==void 0&&(i.glyphs.has(u)||(this.pendingGlyphs.push({fontKey:r,charCode:u}),o=!0))}}catch(c){s.e(c)}finally{s.f()}o&&this.scheduleTextureGeneration()}},{key:"measureText",value:function(n,r){var i=this.fonts.get(r);if(!i)throw new Error('Font "'.concat(r,'" is not registered.'));var o=i.descriptor,s=o.family,l=o.weight,d=o.style;return this.measureCtx.font="".concat(d," ").concat(l," ").concat(this.options.fontSize,"px ").concat(s),this.measureCtx.measureText(n).width}},{key:"getGlyph",value:function(n,r){var i=this.fonts.get(r);if(i)return i.glyphs.get(n)}},{key:"getTextures",value:function(){return this.textures}},{key:"getFontCount",value:function(){return this.fonts.size}},{key:"getGlyphCount",value:function(){var n=0,r=O(this.fonts.values()),i;try{for(r.s();!(i=r.n()).done;){var o=i.value;n+=o.glyphs.size}}catch(s){r.e(s)}finally{r.f()}return n}},{key:"hasPendingGlyphs",value:function(){return this.pendingGlyphs.length>0}},{key:"flush",value:function(){this.debounceTimer&&(clearTimeout(this.debounceTimer),this.debounceTimer=null),this.generateTextures()}},{key:"destroy",value:function(){this.debounceTimer&&clearTimeout(this.debounceTimer),this.fonts.clear(),this.textures=[],this.pendingGlyphs=[],this.removeAllListeners()}},{key:"scheduleTextureGeneration",value:function(){var n=this;this.debounceTimer===null&&(this.options.debounceTimeout===null?this.generateTextures():this.debounceTimer=setTimeout(function(){n.debounceTimer=null,n.generateTextures()},this.options.debounceTimeout))}},{key:"generateTextures",value:function(){if(this.pendingGlyphs.length!==0){var n=this.options,r=n.maxTextureSize,i=n.buffer,o=n.radius,s=n.cutoff,l=O(this.pendingGlyphs),d;try{for(l.s();!(d=l.n()).done;){var u=d.value,c=u.fontKey,g=u.charCode,f=this.fonts.get(c);if(!(!f||f.glyphs.has(g))){var h=String.fromCodePoint(g),m=Au(f.generator,h,i,o,s),v=m.width,p=m.height;this.cursor.x+v+hn>r&&(this.cursor.x=0,this.cursor.y+=this.cursor.rowHeight+hn,this.cursor.rowHeight=0),this.cursor.y+p+hn>r&&(this.finalizeCurrentTexture(),this.cursor={x:0,y:0,rowHeight:0,atlasIndex:this.cursor.atlasIndex+1},this.ctx.clearRect(0,0,r,r));for(var y=m.data,b=new Uint8ClampedArray(v*p*4),_=0;_<y.length;_++){var x=_*4;b[x]=255,b[x+1]=255,b[x+2]=255,b[x+3]=y[_]}var T=new ImageData(b,v,p);this.ctx.putImageData(T,this.cursor.x,this.cursor.y);var w={charCode:g,width:m.glyphWidth,height:m.glyphHeight,bearingX:-m.glyphLeft-i,bearingY:m.glyphTop+i,advance:m.glyphAdvance,atlasX:this.cursor.x,atlasY:this.cursor.y,atlasWidth:v,atlasHeight:p,atlasIndex:this.cursor.atlasIndex};f.glyphs.set(g,w),this.cursor.x+=v+hn,this.cursor.rowHeight=Math.max(this.cursor.rowHeight,p)}}}catch(E){l.e(E)}finally{l.f()}this.finalizeCurrentTexture(),this.pendingGlyphs=[],this.emit(e.ATLAS_UPDATED_EVENT,{textures:this.textures,glyphCount:this.getGlyphCount()})}}},{key:"finalizeCurrentTexture",value:function(){var n=this.options.maxTextureSize,r=this.cursor.y>0||this.cursor.rowHeight>0,i=Math.min(n,Math.max(this.cursor.x,r?n:1)),o=Math.min(n,this.cursor.y+this.cursor.rowHeight+hn),s=this.ctx.getImageData(0,0,i,o);this.cursor.atlasIndex>=this.textures.length?this.textures.push(s):this.textures[this.cursor.atlasIndex]=s}}])})(co.EventEmitter);S(lt,"ATLAS_UPDATED_EVENT","atlasUpdated");var Ru=Oe.fontSize;function Du(){var a=`  // -------------------------------------------------------------------------
  // Step 3: Calculate position offset from the shared edge distance
  // -------------------------------------------------------------------------
  vec2 positionOffset = vec2(0.0);

  if (a_positionMode < 4.0) {
    vec2 screenDir = getLabelDirection(a_positionMode);
    float boundaryDistPixels = nodeRadiusPixels * edgeDist;
    positionOffset = screenDir * (boundaryDistPixels + margin);
  }`,e=`#version 300 es

// ============================================================================
// Attributes
// ============================================================================

// Per-character (instanced)
in float a_nodeIndex;        // Index into node data texture
in vec2 a_charOffset;        // Character offset from label origin (pixels)
in vec2 a_charSize;          // Character dimensions (pixels)
in vec4 a_texCoords;         // Atlas coords: (x, y, width, height) in pixels
in vec4 a_color;             // Text color (RGBA)
in float a_margin;           // Gap between node edge and label (pixels)
in float a_positionMode;     // Position: 0=right, 1=left, 2=above, 3=below, 4=over
in float a_labelWidth;       // Total label width (pixels)
in float a_labelHeight;      // Label height (pixels)
in float a_verticalCenter;   // Vertical center offset from baseline (pixels)
in float a_textHeight;       // Actual text height: maxAscent + maxDescent (pixels)
in float a_labelAngle;       // Label rotation angle (radians)

// Per-vertex (constant quad corners)
in vec2 a_quadCorner;        // Quad corner: [-1,-1], [1,-1], [-1,1], [1,1]

// ============================================================================
// Uniforms
// ============================================================================

uniform mat3 u_matrix;
uniform float u_sizeRatio;
uniform float u_correctionRatio;
uniform float u_cameraAngle;
uniform vec2 u_resolution;
uniform vec2 u_atlasSize;
uniform sampler2D u_nodeDataTexture;
uniform int u_nodeDataTextureWidth;
uniform sampler2D u_nodeFrameTexture;
uniform int u_nodeFrameTextureWidth;
uniform float u_zoomLabelSizeRatio;
uniform float u_labelPixelSnapping;
uniform float u_pixelRatio;

// ============================================================================
// Varyings
// ============================================================================

out vec2 v_texCoord;
out vec4 v_color;
out float v_fontScale;

// ============================================================================
// Constants
// ============================================================================

const float bias = 255.0 / 254.0;
const float ATLAS_FONT_SIZE = `.concat(de(Ru),`;

// ============================================================================
// Helper Functions
// ============================================================================

`).concat(je,`
`).concat(dt,`
`).concat(Mt,`
`).concat(mo,`

// ============================================================================
// Main
// ============================================================================

void main() {
  // -------------------------------------------------------------------------
  // Step 0: Fetch node data + shared edge distance from textures
  // -------------------------------------------------------------------------
  // Node-data texture format: vec4(x, y, size, shapeId)
  // 2D texture layout: texCoord = (index % width, index / width)
  int nodeIdx = int(a_nodeIndex);
  vec4 nodeData = readNodeData(u_nodeDataTexture, u_nodeDataTextureWidth, nodeIdx);
  vec2 a_anchorPosition = nodeData.xy;
  float a_nodeSize = nodeData.z;

  // Normalized edge distance from the shared frame texture (the frame-pass ran
  // the SDF search once; the label just reads the result).
  float edgeDist = readFrameTexel(u_nodeFrameTexture, u_nodeFrameTextureWidth, nodeIdx).r;

  // Per-node label rotation alignment: 0 = viewport, 1 = label turns with camera.
  float labelRotation = readNodeFlags(u_nodeDataTexture, u_nodeDataTextureWidth, nodeIdx).g;

  // Apply zoom-dependent label size scaling
  // Positional values are in CSS pixels; multiply by u_pixelRatio to convert to
  // physical pixels, which is what the NDC conversion (/ u_resolution) expects.
  float zoomScale = u_zoomLabelSizeRatio;
  float margin = a_margin * zoomScale * u_pixelRatio;
  vec2 charOffset = a_charOffset * zoomScale * u_pixelRatio;
  vec2 charSize = a_charSize * zoomScale * u_pixelRatio;
  float labelWidth = a_labelWidth * zoomScale * u_pixelRatio;
  float labelHeight = a_labelHeight * zoomScale;

  // Font scale: ratio of CSS label size to the base atlas font size.
  // Divided by u_pixelRatio because the atlas is generated at ATLAS_FONT_SIZE * pixelRatio,
  // which cancels out the u_pixelRatio in the fragment shader's gamma formula and keeps
  // the anti-aliasing band width consistent across pixel densities.
  v_fontScale = a_labelHeight * zoomScale / (ATLAS_FONT_SIZE * u_pixelRatio);

  // -------------------------------------------------------------------------
  // Step 1: Transform node position to clip space
  // -------------------------------------------------------------------------
  vec3 anchorClip = u_matrix * vec3(a_anchorPosition, 1.0);

  // -------------------------------------------------------------------------
  // Step 2: Convert node size to screen pixels
  // -------------------------------------------------------------------------
  float matrixScaleX = length(vec2(u_matrix[0][0], u_matrix[1][0]));
  float nodeRadiusGraphSpace = a_nodeSize * u_correctionRatio / u_sizeRatio * 2.0;
  float nodeRadiusNDC = nodeRadiusGraphSpace * matrixScaleX;
  float nodeRadiusPixels = nodeRadiusNDC * u_resolution.x / 2.0;

`).concat(a,`

  // -------------------------------------------------------------------------
  // Step 4: Calculate final vertex position
  // -------------------------------------------------------------------------
  vec2 cornerOffset = (a_quadCorner + 1.0) * 0.5;
  vec2 charPixelPos = positionOffset + charOffset + cornerOffset * charSize;

  // Apply text alignment based on position mode
  float verticalCenter = a_verticalCenter * zoomScale * u_pixelRatio;
  float textHeight = a_textHeight * zoomScale * u_pixelRatio;
  float baselineToDescent = textHeight / 2.0 - verticalCenter;
  float baselineToAscent = textHeight / 2.0 + verticalCenter;

  if (a_positionMode < 0.5) {
    // Right: vertically center
    charPixelPos.y += verticalCenter;
  } else if (a_positionMode < 1.5) {
    // Left: right-align and vertically center
    charPixelPos.x -= labelWidth;
    charPixelPos.y += verticalCenter;
  } else if (a_positionMode < 2.5) {
    // Above: center horizontally, bottom of text at anchor
    charPixelPos.x -= labelWidth * 0.5;
    charPixelPos.y -= baselineToDescent;
  } else if (a_positionMode < 3.5) {
    // Below: center horizontally, top of text at anchor
    charPixelPos.x -= labelWidth * 0.5;
    charPixelPos.y += baselineToAscent;
  } else {
    // Over: center both
    charPixelPos.x -= labelWidth * 0.5;
    charPixelPos.y += verticalCenter;
  }

  // Apply label angle rotation. Graph-aligned labels add the camera angle so the
  // whole label orbits the node in lockstep with the frame-pass edge distance.
  float labelAngle = a_labelAngle - labelRotation * u_cameraAngle;
  float la_c = cos(labelAngle);
  float la_s = sin(labelAngle);
  mat2 labelRotMat = mat2(la_c, -la_s, la_s, la_c);
  charPixelPos = labelRotMat * charPixelPos;

  // Snap node center to pixel grid so label/backdrop/attachment move as a unit
  vec2 nodeScreen = vec2(
    (anchorClip.x + 1.0) * u_resolution.x,
    (1.0 - anchorClip.y) * u_resolution.y
  ) * 0.5;
  charPixelPos += (round(nodeScreen) - nodeScreen) * u_labelPixelSnapping;

  // Convert to NDC (flip Y: screen Y-down -> clip Y-up)
  vec2 ndcOffset = vec2(charPixelPos.x, -charPixelPos.y) * 2.0 / u_resolution;
  gl_Position = vec4(anchorClip.xy + ndcOffset, 0.0, 1.0);

  // -------------------------------------------------------------------------
  // Step 5: Texture coordinates
  // -------------------------------------------------------------------------
  v_texCoord = (a_texCoords.xy + cornerOffset * a_texCoords.zw) / u_atlasSize;

  // -------------------------------------------------------------------------
  // Step 6: Pass color
  // -------------------------------------------------------------------------
  v_color = a_color;
  v_color.a *= bias;
}
`);return e}function Cu(){var a=`#version 300 es
precision highp float;

in vec2 v_texCoord;
in vec4 v_color;
in float v_fontScale;

uniform sampler2D u_atlas;
uniform float u_gamma;
uniform float u_sdfBuffer;
uniform float u_pixelRatio;

// Fragment output (single target - picking handled via separate pass)
out vec4 fragColor;

void main() {
  #ifdef PICKING_MODE
    // Labels are not pickable - discard all fragments in picking mode
    fragColor = vec4(0.0);
    discard;
  #else
    // Sample SDF value from atlas (high = inside glyph, low = outside)
    float sdfValue = texture(u_atlas, v_texCoord).a;

    // Edge threshold: 1.0 - cutoff = 0.75 for default cutoff=0.25
    // This is where the glyph edge is located in the SDF
    float edgeThreshold = 1.0 - u_sdfBuffer;

    // Gamma controls the anti-aliasing band width.
    // Scale inversely with font scale so small labels get a wider AA band
    // (smoother) and large labels get a tighter band (sharper).
    float gamma = u_gamma / (u_pixelRatio * v_fontScale);

    // Pure gamma-based anti-aliasing using smoothstep
    // The AA band extends from (threshold - gamma) to (threshold + gamma)
    float alpha = smoothstep(edgeThreshold - gamma, edgeThreshold + gamma, sdfValue);

    // Premultiplied alpha output for correct blending
    float finalAlpha = v_color.a * alpha;
    fragColor = vec4(v_color.rgb * finalAlpha, finalAlpha);
  #endif
}
`;return a}function Lu(){return["u_matrix","u_sizeRatio","u_correctionRatio","u_cameraAngle","u_resolution","u_atlasSize","u_atlas","u_gamma","u_sdfBuffer","u_pixelRatio","u_nodeDataTexture","u_nodeDataTextureWidth","u_nodeFrameTexture","u_nodeFrameTextureWidth","u_zoomLabelSizeRatio","u_labelPixelSnapping"]}function ku(){return{vertexShader:Du(),fragmentShader:Cu(),uniforms:Lu()}}function Pu(a,e,t,n){var r,i,o=n.label,s=o===void 0?{}:o,l=(r=s.margin)!==null&&r!==void 0?r:zt,d=(i=s.zoomToLabelSizeRatioFunction)!==null&&i!==void 0?i:function(){return 1},u=ku(),c=(function(g){function f(h,m,v){var p,y,b,_;if(ee(this,f),_=se(this,f,[h,m,v]),S(_,"atlasTexture",null),S(_,"atlasNeedsUpdate",!1),S(_,"labelGlyphCache",new Map),_.atlasFontSize=Oe.fontSize*cn(),_.atlasManager=new lt({fontSize:_.atlasFontSize}),_.gamma=.025,_.sdfBuffer=Oe.cutoff,_.atlasTexture=h.createTexture(),!_.atlasTexture)throw new Error("NodeLabelProgram: failed to create atlas texture");h.bindTexture(h.TEXTURE_2D,_.atlasTexture),h.texParameteri(h.TEXTURE_2D,h.TEXTURE_WRAP_S,h.CLAMP_TO_EDGE),h.texParameteri(h.TEXTURE_2D,h.TEXTURE_WRAP_T,h.CLAMP_TO_EDGE),h.texParameteri(h.TEXTURE_2D,h.TEXTURE_MIN_FILTER,h.LINEAR),h.texParameteri(h.TEXTURE_2D,h.TEXTURE_MAG_FILTER,h.LINEAR),h.bindTexture(h.TEXTURE_2D,null),_.atlasManager.on(lt.ATLAS_UPDATED_EVENT,function(){_.atlasNeedsUpdate=!0});var x={family:((p=s.font)===null||p===void 0?void 0:p.family)||"sans-serif",weight:((y=s.font)===null||y===void 0?void 0:y.weight)||"normal",style:((b=s.font)===null||b===void 0?void 0:b.style)||"normal"};return _.defaultFontKey=_.atlasManager.registerFont(x),_}return le(f,g),te(f,[{key:"getDefinition",value:function(){var m=WebGL2RenderingContext,v=m.FLOAT,p=m.UNSIGNED_BYTE,y=m.TRIANGLE_STRIP;return{VERTICES:4,VERTEX_SHADER_SOURCE:u.vertexShader,FRAGMENT_SHADER_SOURCE:u.fragmentShader,METHOD:y,UNIFORMS:u.uniforms,ATTRIBUTES:[{name:"a_nodeIndex",size:1,type:v},{name:"a_charOffset",size:2,type:v},{name:"a_charSize",size:2,type:v},{name:"a_texCoords",size:4,type:v},{name:"a_color",size:4,type:p,normalized:!0},{name:"a_margin",size:1,type:v},{name:"a_positionMode",size:1,type:v},{name:"a_labelWidth",size:1,type:v},{name:"a_labelHeight",size:1,type:v},{name:"a_verticalCenter",size:1,type:v},{name:"a_textHeight",size:1,type:v},{name:"a_labelAngle",size:1,type:v}],CONSTANT_ATTRIBUTES:[{name:"a_quadCorner",size:2,type:v}],CONSTANT_DATA:[[-1,-1],[1,-1],[-1,1],[1,1]]}}},{key:"prepareLabelGlyphs",value:function(m,v){if(v.hidden||!v.text){this.labelGlyphCache.delete(m);return}var p=v.text,y=v.fontKey||this.defaultFontKey;this.atlasManager.ensureGlyphs(p,y);var b=[],_=[],x=0,T=0,w=0,E=O(p),C;try{for(E.s();!(C=E.n()).done;){var R=C.value,I=R.codePointAt(0);if(I===void 0){b.push(void 0),_.push(x);continue}var A=this.atlasManager.getGlyph(I,y);b.push(A),_.push(x),A&&(x+=A.advance,T=Math.max(T,A.bearingY),w=Math.max(w,A.atlasHeight-A.bearingY))}}catch(P){E.e(P)}finally{E.f()}this.labelGlyphCache.set(m,{glyphs:b,xOffsets:_,totalWidth:x,totalHeight:T+w,verticalCenterOffset:(T-w)/2})}},{key:"processCharacter",value:function(m,v,p,y){var b=this.floats,_=this.STRIDE,x=m*_,T=this.labelGlyphCache.get(v.parentKey);if(!T||!T.glyphs[y]){for(var w=0;w<_;w++)b[x+w]=0;return}var E=T.glyphs[y],C=T.xOffsets[y],R=v.size/this.atlasFontSize,I=Re(v.color),A=x;b[A++]=v.nodeIndex,b[A++]=(C+E.bearingX)*R,b[A++]=-E.bearingY*R,b[A++]=E.atlasWidth*R,b[A++]=E.atlasHeight*R,b[A++]=E.atlasX,b[A++]=E.atlasY,b[A++]=E.atlasWidth,b[A++]=E.atlasHeight,b[A++]=I,b[A++]=v.margin,b[A++]=Gt[v.position],b[A++]=T.totalWidth*R,b[A++]=v.size,b[A++]=T.verticalCenterOffset*R,b[A++]=T.totalHeight*R,b[A++]=v.labelAngle}},{key:"processLabel",value:function(m,v,p){return this.prepareLabelGlyphs(m,p),he(f,"processLabel",this,3)([m,v,p])}},{key:"updateAtlasTexture",value:function(){if(this.atlasNeedsUpdate){var m=this.normalProgram.gl,v=this.atlasManager.getTextures();if(v.length!==0){var p=v[0];m.bindTexture(m.TEXTURE_2D,this.atlasTexture),m.texImage2D(m.TEXTURE_2D,0,m.RGBA,p.width,p.height,0,m.RGBA,m.UNSIGNED_BYTE,p.data),m.bindTexture(m.TEXTURE_2D,null),this.atlasNeedsUpdate=!1}}}},{key:"setUniforms",value:function(m,v){var p=v.gl,y=v.uniformLocations;p.uniformMatrix3fv(y.u_matrix,!1,m.matrix),p.uniform1f(y.u_sizeRatio,m.sizeRatio),p.uniform1f(y.u_correctionRatio,m.correctionRatio),p.uniform1f(y.u_cameraAngle,m.cameraAngle),p.uniform2f(y.u_resolution,m.width*m.pixelRatio,m.height*m.pixelRatio);var b=this.atlasManager.getTextures();b.length>0?p.uniform2f(y.u_atlasSize,b[0].width,b[0].height):p.uniform2f(y.u_atlasSize,1,1),p.activeTexture(p.TEXTURE0),p.bindTexture(p.TEXTURE_2D,this.atlasTexture),p.uniform1i(y.u_atlas,0),y.u_nodeDataTexture!==void 0&&p.uniform1i(y.u_nodeDataTexture,m.nodeDataTextureUnit),y.u_nodeDataTextureWidth!==void 0&&p.uniform1i(y.u_nodeDataTextureWidth,m.nodeDataTextureWidth),p.uniform1i(y.u_nodeFrameTexture,m.nodeFrameTextureUnit),p.uniform1i(y.u_nodeFrameTextureWidth,m.nodeFrameTextureWidth),p.uniform1f(y.u_gamma,this.gamma),p.uniform1f(y.u_sdfBuffer,this.sdfBuffer),p.uniform1f(y.u_pixelRatio,m.pixelRatio),p.uniform1f(y.u_zoomLabelSizeRatio,1/f.zoomToLabelSizeRatioFunction(m.zoomRatio)),p.uniform1f(y.u_labelPixelSnapping,m.labelPixelSnapping)}},{key:"renderProgram",value:function(m,v){this.updateAtlasTexture(),this.atlasManager.hasPendingGlyphs()&&(this.atlasManager.flush(),this.updateAtlasTexture()),he(f,"renderProgram",this,3)([m,v])}},{key:"registerFont",value:function(m){var v=arguments.length>1&&arguments[1]!==void 0?arguments[1]:"normal",p=arguments.length>2&&arguments[2]!==void 0?arguments[2]:"normal";return this.atlasManager.registerFont({family:m,weight:v,style:p})}},{key:"getAtlasManager",value:function(){return this.atlasManager}},{key:"measureLabel",value:function(m,v,p){var y=p||this.defaultFontKey;this.atlasManager.ensureGlyphs(m,y),this.atlasManager.hasPendingGlyphs()&&this.atlasManager.flush();var b=0,_=0,x=0,T=O(m),w;try{for(T.s();!(w=T.n()).done;){var E=w.value,C=E.codePointAt(0);if(C!==void 0){var R=this.atlasManager.getGlyph(C,y);R&&(b+=R.advance,_=Math.max(_,R.bearingY),x=Math.max(x,R.atlasHeight-R.bearingY))}}}catch(A){T.e(A)}finally{T.f()}var I=v/this.atlasFontSize;return{width:b*I,height:v,textHeight:(_+x)*I}}},{key:"ensureGlyphsReady",value:function(m,v){var p=v||this.defaultFontKey,y=O(m),b;try{for(y.s();!(b=y.n()).done;){var _=b.value;this.atlasManager.ensureGlyphs(_,p)}}catch(x){y.e(x)}finally{y.f()}this.atlasManager.flush()}},{key:"kill",value:function(){var m=this.normalProgram.gl;this.atlasTexture&&(m.deleteTexture(this.atlasTexture),this.atlasTexture=null),this.atlasManager.destroy(),this.labelGlyphCache.clear(),he(f,"kill",this,3)([])}}])})(To);return S(c,"labelMargin",l),S(c,"zoomToLabelSizeRatioFunction",d),new c(a,e,t)}var Fu=`#version 300 es
precision highp float;

in float v_edgeDist;

// R32F target: only the .r channel is stored.
out vec4 fragColor;

void main() {
  fragColor = vec4(v_edgeDist, 0.0, 0.0, 0.0);
}
`;function Iu(a,e,t){var n=fr(a),r=mn(a).map(function(h){return"uniform ".concat(h.type," ").concat(h.name,";")}).join(`
`),i=ru(a,t),o=i.code,s=i.multiShape,l=Ot(a,e),d=Object.keys(l.specs).map(function(h){return"float v_".concat(h,";")}).join(`
`),u=Nt(l,{varPrefix:"nodeAttr",baseTexelExpr:"nodeIdx * u_layerAttributeTexelsPerNode",textureWidthUniform:"u_layerAttributeTextureWidth",textureSamplerUniform:"u_layerAttributeTexture"}),c=u.fetchCode,g=u.varyingAssignments,f=`#version 300 es
precision highp float;

uniform float u_cameraAngle;
uniform sampler2D u_nodeDataTexture;
uniform int u_nodeDataTextureWidth;
uniform float u_frameTextureWidth;
uniform float u_frameTextureHeight;
uniform sampler2D u_layerAttributeTexture;
uniform int u_layerAttributeTextureWidth;
uniform int u_layerAttributeTexelsPerNode;
`.concat(r,`

in float a_nodeIndex;     // node-data texture index (also the target frame texel)
in float a_positionMode;  // 0=right 1=left 2=above 3=below 4=over
in float a_labelAngle;    // intrinsic label angle (radians)

out float v_edgeDist;

// Shape attributes (plain globals: this pass is vertex-only)
`).concat(d,`

`).concat(je,`
`).concat(dt,`
`).concat(n,`
`).concat(o,`
`).concat(mo,`

void main() {
  int nodeIdx = int(a_nodeIndex);
`).concat(c,`
`).concat(g,`
  `).concat(s?`// Multi-shape: the shape id lives in the node-data texture's .w channel:
  g_shapeId = int(readNodeData(u_nodeDataTexture, u_nodeDataTextureWidth, nodeIdx).w);`:"// Single-shape mode, shape id not needed",`

  // Per-node rotation alignment (0 = viewport, 1 = graph).
  vec4 nodeFlags = readNodeFlags(u_nodeDataTexture, u_nodeDataTextureWidth, nodeIdx);
  float nodeRotation = nodeFlags.r;
  float labelRotation = nodeFlags.g;

  // Effective angle: intrinsic (style-given) plus the camera angle when the label
  // is graph-aligned. The companions place the box at this same angle.
  float effectiveAngle = a_labelAngle - labelRotation * u_cameraAngle;

  // The "over" mode (4) sits on the node center, so it has no edge distance.
  float edgeDist = 0.0;
  if (a_positionMode < 4.0) {
    vec2 screenDir = getLabelDirection(a_positionMode);
    // Rotate by the effective label angle. Inlined rather than via rotate2D()
    // because the shape SDFs (getShapeGLSLForShapes) already define that helper
    // for multi-shape programs, and redefining it would be a GLSL error.
    float ea_c = cos(effectiveAngle);
    float ea_s = sin(effectiveAngle);
    vec2 rotatedScreenDir = mat2(ea_c, -ea_s, ea_s, ea_c) * screenDir;
    // Screen (Y-down) -> SDF (Y-up).
    vec2 sdfDir = vec2(rotatedScreenDir.x, -rotatedScreenDir.y);
    // Counter-rotate into the shape's local frame for graph-aligned nodes, so the
    // boundary is queried against the shape's actual on-screen orientation.
    float nodeCa = -u_cameraAngle * nodeRotation;
    float nc = cos(nodeCa), ns = sin(nodeCa);
    sdfDir = mat2(nc, -ns, ns, nc) * sdfDir;
    edgeDist = findEdgeDistance(sdfDir, 1.0);
  }
  v_edgeDist = edgeDist;

  // Scatter to this node's texel center in the frame texture.
  float x = mod(a_nodeIndex, u_frameTextureWidth);
  float y = floor(a_nodeIndex / u_frameTextureWidth);
  vec2 ndc = (vec2(x, y) + 0.5) / vec2(u_frameTextureWidth, u_frameTextureHeight) * 2.0 - 1.0;
  gl_Position = vec4(ndc, 0.0, 1.0);
  gl_PointSize = 1.0;
}
`);return f}var So=(function(){function a(e,t){ee(this,a),S(this,"uniformLocations",{});var n=t.shapes,r=t.layers,i=t.shapeGlobalIds;if(n.length===0)throw new Error("NodeLabelFramePass: at least one shape must be provided");this.gl=e,this.shapeUniforms=mn(n),this.hasAttributeData=Object.keys(Ot(n,r).offsets).length>0,this.vertexShader=ur(e,Iu(n,r,i)),this.fragmentShader=cr(e,Fu),this.program=hr(e,[this.vertexShader,this.fragmentShader]);var o=["u_cameraAngle","u_nodeDataTexture","u_nodeDataTextureWidth","u_frameTextureWidth","u_frameTextureHeight","u_layerAttributeTexture","u_layerAttributeTextureWidth","u_layerAttributeTexelsPerNode"].concat(q(this.shapeUniforms.map(function(p){return p.name}))),s=O(o),l;try{for(s.s();!(l=s.n()).done;){var d=l.value;this.uniformLocations[d]=e.getUniformLocation(this.program,d)}}catch(p){s.e(p)}finally{s.f()}var u=a.FLOATS_PER_POINT*4;this.vao=e.createVertexArray(),this.buffer=e.createBuffer(),e.bindVertexArray(this.vao),e.bindBuffer(e.ARRAY_BUFFER,this.buffer);var c=O([["a_nodeIndex",0],["a_positionMode",4],["a_labelAngle",8]]),g;try{for(c.s();!(g=c.n()).done;){var f=ae(g.value,2),h=f[0],m=f[1],v=e.getAttribLocation(this.program,h);v>=0&&(e.enableVertexAttribArray(v),e.vertexAttribPointer(v,1,e.FLOAT,!1,u,m))}}catch(p){c.e(p)}finally{c.f()}e.bindVertexArray(null)}return te(a,[{key:"run",value:function(t,n,r,i,o){if(n!==0){var s=this.gl;s.useProgram(this.program),s.bindVertexArray(this.vao),s.bindBuffer(s.ARRAY_BUFFER,this.buffer),s.bufferData(s.ARRAY_BUFFER,t.subarray(0,n*a.FLOATS_PER_POINT),s.DYNAMIC_DRAW);var l=this.uniformLocations;s.uniform1f(l.u_cameraAngle,i.cameraAngle),s.uniform1i(l.u_nodeDataTexture,i.nodeDataTextureUnit),s.uniform1i(l.u_nodeDataTextureWidth,i.nodeDataTextureWidth),s.uniform1f(l.u_frameTextureWidth,r.getTextureWidth()),s.uniform1f(l.u_frameTextureHeight,r.getTextureHeight()),this.hasAttributeData&&o&&(o.bind(Ze),l.u_layerAttributeTexture&&s.uniform1i(l.u_layerAttributeTexture,Ze),l.u_layerAttributeTextureWidth&&s.uniform1i(l.u_layerAttributeTextureWidth,o.getTextureWidth()),l.u_layerAttributeTexelsPerNode&&s.uniform1i(l.u_layerAttributeTexelsPerNode,o.getTexelsPerItem()));var d=O(this.shapeUniforms),u;try{for(d.s();!(u=d.n()).done;){var c=u.value;vr(s,this.uniformLocations[c.name],c)}}catch(g){d.e(g)}finally{d.f()}r.bindAsRenderTarget(),s.disable(s.BLEND),s.disable(s.DEPTH_TEST),s.drawArrays(s.POINTS,0,n),s.bindFramebuffer(s.FRAMEBUFFER,null),s.bindVertexArray(null)}}},{key:"kill",value:function(){var t=this.gl;t.deleteProgram(this.program),t.deleteShader(this.vertexShader),t.deleteShader(this.fragmentShader),t.deleteBuffer(this.buffer),t.deleteVertexArray(this.vao)}}])})();S(So,"FLOATS_PER_POINT",3);function Eo(a,e,t,n,r){var i,o=n.label,s=o===void 0?{}:o,l=n.shapes;if(l.length===0)throw new Error("createNodeProgram: at least one shape must be provided in 'shapes'");var d={},u=[],c;l.forEach(function(w,E){var C=Kd(w);E===0&&(c=C),d[w.name]=E,u[E]=vn(C)});var g=q(n.layers),f=ao({shapes:l,layers:g,shapeGlobalIds:l.length>1?u:void 0,antialias:r}),h=Pu(a,null,t,{label:s}),m=_u(a,null,t,{shapes:l,layers:g,getAttributeTexture:function(){return T.getAttributeTexture()},label:s,shapeGlobalIds:l.length>1?u:void 0}),v=Eu(a,e,t,{label:s}),p=n.labelAttachments&&Object.keys(n.labelAttachments).length>0?hu(a,null,t,{label:s}):null,y=new So(a,{shapes:l,layers:g,shapeGlobalIds:l.length>1?u:void 0}),b=pa(l,g),_=Ce(b),x=(i=(function(w){function E(C,R,I){var A;ee(this,E),A=se(this,E,[C,R,I]),S(A,"layerLifecycles",new Map),S(A,"layersNeedingRegeneration",new Set),S(A,"attrDescriptors",[]),A._pickingBuffer=R;var P=x.layerTextures.get(C);P||(P=new ha(C,_),x.layerTextures.set(C,P)),A.layerAttributeTexture=P;var D=x.textureRefCounts.get(C)||0;x.textureRefCounts.set(C,D+1),A.packedAttributeData=new Float32Array(_.floatsPerItem),g.forEach(function(z,G){if(z.lifecycle){var L={gl:C,renderer:{refresh:function(){return I.refresh()}},getUniformLocation:function(j){return C.getUniformLocation(A.normalProgram.program,j)},requestShaderRegeneration:function(){A.layersNeedingRegeneration.add(G)},requestRefresh:function(){I.refresh()}},k=z.lifecycle(L);A.layerLifecycles.set(G,k)}}),A.layerLifecycles.forEach(function(z){var G;(G=z.init)===null||G===void 0||G.call(z)});var F=new Map;return A.layerLifecycles.forEach(function(z,G){z.getAttributeData&&F.set(G,z)}),A.attrDescriptors=fa(b,_,F),A}return le(E,w),te(E,[{key:"getDefinition",value:function(){var R=WebGL2RenderingContext,I=R.FLOAT,A=R.TRIANGLE_STRIP;return{VERTICES:4,VERTEX_SHADER_SOURCE:f.vertexShader,FRAGMENT_SHADER_SOURCE:f.fragmentShader,METHOD:A,UNIFORMS:f.uniforms,ATTRIBUTES:f.attributes,CONSTANT_ATTRIBUTES:[{name:"a_quadCorner",size:2,type:I}],CONSTANT_DATA:[[-1,-1],[1,-1],[-1,1],[1,1]]}}},{key:"maybeRegenerateShaders",value:function(){var R=this;if(this.layersNeedingRegeneration.size!==0){g=g.map(function(G,L){if(R.layersNeedingRegeneration.has(L)){var k=R.layerLifecycles.get(L);if(k!=null&&k.regenerate){var M=k.regenerate();return B(B({},M),{},{lifecycle:G.lifecycle})}}return G}),this.layersNeedingRegeneration.clear(),f=ao({shapes:l,layers:g,shapeGlobalIds:l.length>1?u:void 0,antialias:this.renderer.getSetting("antialiasNodes")});var I=this.normalProgram.gl,A=this.normalProgram,P=A.program,D=A.buffer,F=A.vertexShader,z=A.fragmentShader;I.deleteProgram(P),I.deleteBuffer(D),I.deleteShader(F),I.deleteShader(z),this.normalProgram=this.getProgramInfo("normal",I,f.vertexShader,f.fragmentShader,this._pickingBuffer)}}},{key:"allocateNode",value:function(R){this.layerAttributeTexture.allocate(R)}},{key:"freeNode",value:function(R){this.layerAttributeTexture.free(R)}},{key:"getAttributeTexture",value:function(){return this.layerAttributeTexture}},{key:"uploadLayerTexture",value:function(){this.layerAttributeTexture.upload()}},{key:"process",value:function(R,I,A,P,D){var F=I*this.STRIDE;if(A.visibility==="hidden"){for(var z=F+this.STRIDE;F<z;F++)this.floats[F]=0;this.floats[I*this.STRIDE]=bo;return}this.processVisibleItem(Lt(R),F,A,P,D)}},{key:"processVisibleItem",value:function(R,I,A,P,D){var F,z=this.floats,G=this.ints;if(z[I++]=P,G[I++]=R,z[I++]=(F=A.opacity)!==null&&F!==void 0?F:1,_.floatsPerItem!==0){var L=this.packedAttributeData;ga(this.attrDescriptors,A,L,A.color,this.layerLifecycles,0),this.layerAttributeTexture.updateAllAttributes(D,L)}}},{key:"setUniforms",value:function(R,I){var A=this,P=I.gl,D=I.uniformLocations;D.u_matrix&&P.uniformMatrix3fv(D.u_matrix,!1,R.matrix),D.u_sizeRatio&&P.uniform1f(D.u_sizeRatio,R.sizeRatio),D.u_correctionRatio&&P.uniform1f(D.u_correctionRatio,R.correctionRatio),D.u_pickingPadding&&P.uniform1f(D.u_pickingPadding,R.nodePickingPadding),D.u_cameraAngle&&P.uniform1f(D.u_cameraAngle,R.cameraAngle),D.u_nodeDataTexture&&P.uniform1i(D.u_nodeDataTexture,R.nodeDataTextureUnit),D.u_nodeDataTextureWidth&&P.uniform1i(D.u_nodeDataTextureWidth,R.nodeDataTextureWidth),D.u_layerAttributeTexture&&(this.layerAttributeTexture.bind(Ze),P.uniform1i(D.u_layerAttributeTexture,Ze)),D.u_layerAttributeTextureWidth&&P.uniform1i(D.u_layerAttributeTextureWidth,this.layerAttributeTexture.getTextureWidth()),D.u_layerAttributeTexelsPerNode&&P.uniform1i(D.u_layerAttributeTexelsPerNode,this.layerAttributeTexture.getTexelsPerItem()),l.forEach(function(F){F.uniforms.forEach(function(z){A.setTypedUniform(z,I)})}),g.forEach(function(F){F.uniforms.forEach(function(z){A.setTypedUniform(z,I)})})}},{key:"render",value:function(R,I,A){this.maybeRegenerateShaders(),he(E,"render",this,3)([R,I,A])}},{key:"renderProgram",value:function(R,I){var A=I.gl,P=I.program;A.useProgram(P),I===this.normalProgram&&this.layerLifecycles.forEach(function(D){var F;(F=D.beforeRender)===null||F===void 0||F.call(D)}),he(E,"renderProgram",this,3)([R,I])}},{key:"kill",value:function(){this.layerLifecycles.forEach(function(A){var P;(P=A.kill)===null||P===void 0||P.call(A)}),this.layerLifecycles.clear();var R=this.normalProgram.gl,I=(x.textureRefCounts.get(R)||1)-1;I<=0?(this.layerAttributeTexture.kill(),x.layerTextures.delete(R),x.textureRefCounts.delete(R)):x.textureRefCounts.set(R,I),he(E,"kill",this,3)([])}}])})(ut),S(i,"layerTextures",new WeakMap),S(i,"textureRefCounts",new WeakMap),i),T=new x(a,null,t);return{nodeProgram:T,labelProgram:h,backdropProgram:m,labelBackgroundProgram:v,attachmentProgram:p,framePass:y,shapeSlug:c,shapeNameToIndex:l.length>1?d:void 0,shapeGlobalIds:l.length>1?u:void 0}}var Qe=6;function xn(a){var e=a.offsets,t=a.specs,n=a.floatsPerItem,r=Object.keys(e);if(r.length===0||n===0)return{uniformDeclarations:"",uniformNames:[],vertexVaryingDeclarations:"",fragmentVaryingDeclarations:"",fetchCode:"",varyingAssignments:""};var i=`
uniform sampler2D u_edgeAttributeTexture;
uniform int u_edgeAttributeTextureWidth;
uniform int u_edgeAttributeTexelsPerEdge;`,o=["u_edgeAttributeTexture","u_edgeAttributeTextureWidth","u_edgeAttributeTexelsPerEdge"],s=r.map(function(f){var h=t[f].size===1?"float":"vec".concat(t[f].size);return"".concat(h," v_").concat(f,";")}),l=s.map(function(f){return"out ".concat(f)}).join(`
`),d=s.map(function(f){return"in ".concat(f)}).join(`
`),u=Nt(a,{varPrefix:"attr",baseTexelExpr:"edgeIdx * u_edgeAttributeTexelsPerEdge",textureWidthUniform:"u_edgeAttributeTextureWidth",textureSamplerUniform:"u_edgeAttributeTexture"}),c=u.fetchCode,g=u.varyingAssignments;return{uniformDeclarations:i,uniformNames:o,vertexVaryingDeclarations:l,fragmentVaryingDeclarations:d,fetchCode:c,varyingAssignments:g}}function Nu(a){return`
float findSourceClampT_`.concat(a,`(vec2 source, float sourceSize, int sourceShapeId, float sourceRotateAlign, vec2 target, float margin) {
  float lo = 0.0, hi = 0.5;
  float nodeExtent = sourceSize * u_correctionRatio / u_sizeRatio * 2.0;
  float effectiveSize = 1.0 - u_correctionRatio / nodeExtent;

  // Counter-rotate the query point so viewport-aligned nodes (rotateAlign=0) are
  // clamped against their on-screen orientation; graph-aligned nodes skip it.
  float ca = u_cameraAngle * (1.0 - sourceRotateAlign);
  float rc = cos(ca), rs = sin(ca);
  mat2 rot = mat2(rc, -rs, rs, rc);

  for (int i = 0; i < 12; i++) {
    float mid = (lo + hi) * 0.5;
    vec2 pos = path_`).concat(a,`_position(mid, source, target);
    vec2 localPos = rot * ((pos - source) / nodeExtent);
    float sdf = querySDF(sourceShapeId, localPos, effectiveSize);
    if (sdf < 0.0) lo = mid;
    else hi = mid;
  }

  float pathLen = path_`).concat(a,`_length(source, target);
  float marginT = (margin * u_correctionRatio / u_sizeRatio) / pathLen;
  return (lo + hi) * 0.5 + marginT;
}
`)}function Gu(a){return`
float findTargetClampT_`.concat(a,`(vec2 source, vec2 target, float targetSize, int targetShapeId, float targetRotateAlign, float margin) {
  float lo = 0.5, hi = 1.0;
  float nodeExtent = targetSize * u_correctionRatio / u_sizeRatio * 2.0;
  float effectiveSize = 1.0 - u_correctionRatio / nodeExtent;

  // See findSourceClampT_ for the rotation rationale.
  float ca = u_cameraAngle * (1.0 - targetRotateAlign);
  float rc = cos(ca), rs = sin(ca);
  mat2 rot = mat2(rc, -rs, rs, rc);

  for (int i = 0; i < 12; i++) {
    float mid = (lo + hi) * 0.5;
    vec2 pos = path_`).concat(a,`_position(mid, source, target);
    vec2 localPos = rot * ((pos - target) / nodeExtent);
    float sdf = querySDF(targetShapeId, localPos, effectiveSize);
    if (sdf < 0.0) hi = mid;
    else lo = mid;
  }

  float pathLen = path_`).concat(a,`_length(source, target);
  float marginT = (margin * u_correctionRatio / u_sizeRatio) / pathLen;
  return (lo + hi) * 0.5 - marginT;
}
`)}function wo(a){return`
// Auto-generated numerical tangent (from position via finite differences)
vec2 path_`.concat(a,`_tangent(float t, vec2 source, vec2 target) {
  float epsilon = 0.001;
  float t1 = max(0.0, t - epsilon);
  float t2 = min(1.0, t + epsilon);
  vec2 p1 = path_`).concat(a,`_position(t1, source, target);
  vec2 p2 = path_`).concat(a,`_position(t2, source, target);
  return normalize(p2 - p1);
}

// Auto-generated normal (perpendicular to tangent)
vec2 path_`).concat(a,`_normal(float t, vec2 source, vec2 target) {
  vec2 tangent = path_`).concat(a,`_tangent(t, source, target);
  return vec2(-tangent.y, tangent.x);
}
`)}function zu(a){return`
// Auto-generated path length (samples position 16 times)
float path_`.concat(a,`_length(vec2 source, vec2 target) {
  float len = 0.0;
  vec2 prev = path_`).concat(a,`_position(0.0, source, target);
  for (int i = 1; i <= 16; i++) {
    float t = float(i) / 16.0;
    vec2 curr = path_`).concat(a,`_position(t, source, target);
    len += length(curr - prev);
    prev = curr;
  }
  return len;
}
`)}function Mu(a){return`
// Auto-generated closest_t (coarse sample + ternary search)
float path_`.concat(a,`_closest_t(vec2 p, vec2 source, vec2 target) {
  // Coarse search: find best among 10 samples
  float bestT = 0.0;
  float bestDist = 1e10;
  for (int i = 0; i <= 10; i++) {
    float t = float(i) / 10.0;
    vec2 pos = path_`).concat(a,`_position(t, source, target);
    float d = length(p - pos);
    if (d < bestDist) {
      bestDist = d;
      bestT = t;
    }
  }

  // Refine with ternary search
  float lo = max(0.0, bestT - 0.1);
  float hi = min(1.0, bestT + 0.1);
  for (int i = 0; i < 10; i++) {
    float mid1 = lo + (hi - lo) / 3.0;
    float mid2 = hi - (hi - lo) / 3.0;
    float d1 = length(p - path_`).concat(a,`_position(mid1, source, target));
    float d2 = length(p - path_`).concat(a,`_position(mid2, source, target));
    if (d1 < d2) {
      hi = mid2;
    } else {
      lo = mid1;
    }
  }
  return (lo + hi) * 0.5;
}
`)}function Ou(a){return`
// Auto-generated signed distance (via closest_t + normal)
float path_`.concat(a,`_distance(vec2 p, vec2 source, vec2 target) {
  float closestT = path_`).concat(a,`_closest_t(p, source, target);
  vec2 closest = path_`).concat(a,`_position(closestT, source, target);
  vec2 diff = p - closest;
  float dist = length(diff);
  if (dist < 0.0001) return 0.0;

  // Get normal at closest point
  vec2 normal = path_`).concat(a,`_normal(closestT, source, target);
  return dist * sign(dot(diff, normal));
}
`)}function Bu(a){return`
// Auto-generated t_at_distance (binary search)
float path_`.concat(a,`_t_at_distance(float targetDist, vec2 source, vec2 target) {
  if (targetDist <= 0.0) return 0.0;

  float totalLen = path_`).concat(a,`_length(source, target);
  if (targetDist >= totalLen) return 1.0;

  // Binary search for t
  float lo = 0.0, hi = 1.0;
  for (int i = 0; i < 12; i++) {
    float mid = (lo + hi) * 0.5;

    // Compute arc length from 0 to mid
    float arcLen = 0.0;
    vec2 prev = path_`).concat(a,`_position(0.0, source, target);
    for (int j = 1; j <= 8; j++) {
      float t = mid * float(j) / 8.0;
      vec2 curr = path_`).concat(a,`_position(t, source, target);
      arcLen += length(curr - prev);
      prev = curr;
    }

    if (arcLen < targetDist) {
      lo = mid;
    } else {
      hi = mid;
    }
  }
  return (lo + hi) * 0.5;
}
`)}function oa(a,e){var t=new RegExp("\\b(float|vec[234]|void|int|bool)\\s+".concat(e,"\\s*\\("));return t.test(a)}function Ao(a,e){var t=[];return oa(e,"path_".concat(a,"_length"))||t.push(zu(a)),oa(e,"path_".concat(a,"_closest_t"))||t.push(Mu(a)),oa(e,"path_".concat(a,"_distance"))||t.push(Ou(a)),oa(e,"path_".concat(a,"_t_at_distance"))||t.push(Bu(a)),t.length>0?`
// ============================================================================
// Auto-generated fallback functions (path only provided position)
// ============================================================================
`.concat(t.join(`
`)):""}function Ro(a){var e,t,n,r=a.paths,i=a.layers,o=(e=a.extremities)!==null&&e!==void 0?e:[];if(r.length===0)throw new Error("At least one path is required in 'paths'");if(i.length===0)throw new Error("At least one layer is required in 'layers'");var s=(t=a.defaultHead)!==null&&t!==void 0?t:"none",l=(n=a.defaultTail)!==null&&n!==void 0?n:"none";return{paths:r,extremities:o,layers:i,path:r[0],layer:i[0],defaultHead:s,defaultTail:l}}var Do=WebGL2RenderingContext,pn=Do.FLOAT,oo=Do.UNSIGNED_BYTE;function Wu(a,e,t){var n=new Set(["u_matrix","u_sizeRatio","u_correctionRatio","u_zoomRatio","u_pixelRatio","u_cameraAngle","u_minEdgeThickness","u_pickingPadding","u_nodeDataTexture","u_nodeDataTextureWidth","u_edgeDataTexture","u_edgeDataTextureWidth","u_edgeFrameTexture","u_edgeFrameTextureWidth","u_edgeAttributeTexture","u_edgeAttributeTextureWidth","u_edgeAttributeTexelsPerEdge"]),r=new Set(n);return a.forEach(function(i){return i.uniforms.forEach(function(o){return r.add(o.name)})}),e.forEach(function(i){return i.uniforms.forEach(function(o){return r.add(o.name)})}),t.forEach(function(i){return i.uniforms.forEach(function(o){return r.add(o.name)})}),Array.from(r)}function mr(a){var e=new Set,t=[],n=O(a),r;try{for(n.s();!(r=n.n()).done;){var i=r.value;e.has(i.name)||(e.add(i.name),t.push("// Path: ".concat(i.name)),t.push(i.glsl),t.push(wo(i.name)),t.push(Ao(i.name,i.glsl)))}}catch(o){n.e(o)}finally{n.f()}return t.join(`

`)}function Uu(a){var e=[],t=O(a),n;try{for(t.s();!(n=t.n()).done;){var r=n.value;e.push("// Extremity: ".concat(r.name)),e.push(r.glsl)}}catch(i){t.e(i)}finally{t.f()}return e.join(`

`)}var $u=[{queryName:"queryPathPosition",pathFunc:"position",returnType:"vec2",params:"float t, vec2 source, vec2 target",args:"t, source, target"},{queryName:"queryPathTangent",pathFunc:"tangent",returnType:"vec2",params:"float t, vec2 source, vec2 target",args:"t, source, target"},{queryName:"queryPathNormal",pathFunc:"normal",returnType:"vec2",params:"float t, vec2 source, vec2 target",args:"t, source, target"},{queryName:"queryPathLength",pathFunc:"length",returnType:"float",params:"vec2 source, vec2 target",args:"source, target"},{queryName:"queryPathClosestT",pathFunc:"closest_t",returnType:"float",params:"vec2 p, vec2 source, vec2 target",args:"p, source, target"}];function Hu(a,e){var t=e.queryName,n=e.pathFunc,r=e.returnType,i=e.params,o=e.args;if(a.length===1)return"".concat(r," ").concat(t,"(int pathId, ").concat(i,`) {
  return path_`).concat(a[0].name,"_").concat(n,"(").concat(o,`);
}`);var s=a.map(function(l,d){return"    case ".concat(d,": return path_").concat(l.name,"_").concat(n,"(").concat(o,");")}).join(`
`);return"".concat(r," ").concat(t,"(int pathId, ").concat(i,`) {
  switch (pathId) {
`).concat(s,`
    default: return path_`).concat(a[0].name,"_").concat(n,"(").concat(o,`);
  }
}`)}function yr(a){return $u.map(function(e){return Hu(a,e)}).join(`

`)}function Vu(a){if(a.length===1)return`float queryExtremitySDF(int extremityId, vec2 uv, float lengthRatio, float widthRatio) {
  return extremity_`.concat(a[0].name,`(uv, lengthRatio, widthRatio);
}`);var e=a.map(function(t,n){return"    case ".concat(n,": return extremity_").concat(t.name,"(uv, lengthRatio, widthRatio);")}).join(`
`);return`float queryExtremitySDF(int extremityId, vec2 uv, float lengthRatio, float widthRatio) {
  switch (extremityId) {
`.concat(e,`
    default: return extremity_`).concat(a[0].name,`(uv, lengthRatio, widthRatio);
  }
}`)}function ju(a){var e=[],t=O(a),n;try{for(t.s();!(n=t.n()).done;){var r=n.value;e.push(Nu(r.name)),e.push(Gu(r.name))}}catch(s){t.e(s)}finally{t.f()}if(a.length===1)e.push(`
float queryFindSourceClampT(int pathId, vec2 source, float sourceSize, int sourceShapeId, float sourceRotateAlign, vec2 target, float margin) {
  return findSourceClampT_`.concat(a[0].name,`(source, sourceSize, sourceShapeId, sourceRotateAlign, target, margin);
}

float queryFindTargetClampT(int pathId, vec2 source, vec2 target, float targetSize, int targetShapeId, float targetRotateAlign, float margin) {
  return findTargetClampT_`).concat(a[0].name,`(source, target, targetSize, targetShapeId, targetRotateAlign, margin);
}`));else{var i=a.map(function(s,l){return"    case ".concat(l,": return findSourceClampT_").concat(s.name,"(source, sourceSize, sourceShapeId, sourceRotateAlign, target, margin);")}).join(`
`),o=a.map(function(s,l){return"    case ".concat(l,": return findTargetClampT_").concat(s.name,"(source, target, targetSize, targetShapeId, targetRotateAlign, margin);")}).join(`
`);e.push(`
float queryFindSourceClampT(int pathId, vec2 source, float sourceSize, int sourceShapeId, float sourceRotateAlign, vec2 target, float margin) {
  switch (pathId) {
`.concat(i,`
    default: return findSourceClampT_`).concat(a[0].name,`(source, sourceSize, sourceShapeId, sourceRotateAlign, target, margin);
  }
}

float queryFindTargetClampT(int pathId, vec2 source, vec2 target, float targetSize, int targetShapeId, float targetRotateAlign, float margin) {
  switch (pathId) {
`).concat(o,`
    default: return findTargetClampT_`).concat(a[0].name,`(source, target, targetSize, targetShapeId, targetRotateAlign, margin);
  }
}`))}return e.join(`

`)}function qu(a,e,t,n,r){var i=Ce([].concat(q(a),q(t))),o=xn(i),s=Ot(n,r),l=Object.keys(s.offsets),d=function(w){var E=s.specs[w].size;return E===1?"float":"vec".concat(E)},u=l.map(function(T){return"".concat(d(T)," v_source_").concat(T,`;
`).concat(d(T)," v_target_").concat(T,";")}).join(`
`),c=Nt(s,{varPrefix:"srcNodeAttr",baseTexelExpr:"srcIdx * u_layerAttributeTexelsPerNode",textureWidthUniform:"u_layerAttributeTextureWidth",textureSamplerUniform:"u_layerAttributeTexture",outputPrefix:"v_source_"}),g=Nt(s,{varPrefix:"tgtNodeAttr",baseTexelExpr:"tgtIdx * u_layerAttributeTexelsPerNode",textureWidthUniform:"u_layerAttributeTextureWidth",textureSamplerUniform:"u_layerAttributeTexture",outputPrefix:"v_target_"}),f=l.map(function(T){return"".concat(d(T)," g_").concat(T,";")}).join(`
`),h=l.map(function(T){return"  g_".concat(T," = v_source_").concat(T,";")}).join(`
`),m=l.map(function(T){return"  g_".concat(T," = v_target_").concat(T,";")}).join(`
`),v=new Set,p=[],y=function(w){v.has(w.name)||(v.add(w.name),p.push("uniform ".concat(w.type," ").concat(w.name,";")))};a.forEach(function(T){return T.uniforms.forEach(y)}),e.forEach(function(T){return T.uniforms.forEach(y)});var b=e.map(function(T){return de(T.widthFactor)}).join(", "),_=Math.max.apply(Math,q(a.map(function(T){return T.minBodyLengthRatio||0}))),x=`#version 300 es

// Node and edge data textures
uniform sampler2D u_nodeDataTexture;
uniform int u_nodeDataTextureWidth;
uniform sampler2D u_edgeDataTexture;
uniform int u_edgeDataTextureWidth;

// Edge attribute texture (for path-specific attributes like curvature)
`.concat(o.uniformDeclarations,`

// Node attribute texture (for node shape attributes)
uniform sampler2D u_layerAttributeTexture;
uniform int u_layerAttributeTextureWidth;
uniform int u_layerAttributeTexelsPerNode;

// Render params needed for clamping
uniform float u_sizeRatio;
uniform float u_correctionRatio;
uniform float u_cameraAngle;
uniform float u_minEdgeThickness;

// Edge-frame texture dimensions, for scattering each point to its texel
uniform float u_frameTextureWidth;
uniform float u_frameTextureHeight;

// Custom path/extremity uniforms
`).concat(p.join(`
`),`

// Path attribute varyings — assigned so path functions can read them as globals
`).concat(o.vertexVaryingDeclarations,`

// Node size varyings — read by path functions like loop
out float v_sourceNodeSize;
out float v_targetNodeSize;

// Node shape attributes per endpoint, and the ones querySDF reads
`).concat(u,`
`).concat(f,`

// Scattered output written to the edge-frame texel: [tStart, tEnd, straightenFactor, pathLength]
out vec4 v_clamp;

// Extremity width factor array (needed for extremityScale computation)
const float EXTREMITY_WIDTH_FACTORS[`).concat(e.length,"] = float[](").concat(b,`);

// Node-data fetch helpers (geometry texel + rotation-flags texel)
`).concat(je,`
`).concat(dt,`

// Shape SDFs for node boundary clamping
`).concat(Yd(),`
`).concat(Zd(new Set(l)),`

// Path functions
`).concat(mr(a),`
`).concat(yr(a),`
`).concat(ju(a),`

void main() {
  // One point per edge-data row; the row index is the edge-frame texel target.
  int edgeIdx = gl_VertexID;
  int texel0Idx = edgeIdx * 2;
  int texel1Idx = edgeIdx * 2 + 1;
  ivec2 edgeTexCoord0 = ivec2(texel0Idx % u_edgeDataTextureWidth, texel0Idx / u_edgeDataTextureWidth);
  ivec2 edgeTexCoord1 = ivec2(texel1Idx % u_edgeDataTextureWidth, texel1Idx / u_edgeDataTextureWidth);
  vec4 edgeData0 = texelFetch(u_edgeDataTexture, edgeTexCoord0, 0);
  vec4 edgeData1 = texelFetch(u_edgeDataTexture, edgeTexCoord1, 0);

  int srcIdx = int(edgeData0.x);
  int tgtIdx = int(edgeData0.y);
  float a_thickness = edgeData0.z;
  float a_headLengthRatio = edgeData1.x;
  float a_tailLengthRatio = edgeData1.y;
  int pathId = int(edgeData1.z);
  int extremityPacked = int(edgeData1.w);
  int headId = extremityPacked >> 4;
  int tailId = extremityPacked & 15;

  // Fetch path/layer attributes and assign to path-function globals
`).concat(o.fetchCode,`
`).concat(o.varyingAssignments,`

  // Fetch node shape attributes for both endpoints
`).concat(c.fetchCode,`
`).concat(c.varyingAssignments,`
`).concat(g.fetchCode,`
`).concat(g.varyingAssignments,`

  // Fetch node geometry (texel 0) and rotation flags (texel 1).
  vec4 srcNodeData = readNodeData(u_nodeDataTexture, u_nodeDataTextureWidth, srcIdx);
  vec4 tgtNodeData = readNodeData(u_nodeDataTexture, u_nodeDataTextureWidth, tgtIdx);

  vec2 a_source = srcNodeData.xy;
  vec2 a_target = tgtNodeData.xy;
  float a_sourceSize = srcNodeData.z;
  float a_targetSize = tgtNodeData.z;
  float a_sourceShapeId = srcNodeData.w;
  float a_targetShapeId = tgtNodeData.w;
  // Per-node rotation alignment (0 = viewport, 1 = graph), for boundary clamping.
  float a_sourceRotateAlign = readNodeFlags(u_nodeDataTexture, u_nodeDataTextureWidth, srcIdx).r;
  float a_targetRotateAlign = readNodeFlags(u_nodeDataTexture, u_nodeDataTextureWidth, tgtIdx).r;

  v_sourceNodeSize = a_sourceSize;
  v_targetNodeSize = a_targetSize;

  float headLengthRatio = a_headLengthRatio;
  float tailLengthRatio = a_tailLengthRatio;
  float headWidthFactor = EXTREMITY_WIDTH_FACTORS[headId];
  float tailWidthFactor = EXTREMITY_WIDTH_FACTORS[tailId];
  float minBodyLengthRatio = `).concat(de(_),`;

  // Thickness in WebGL units (needed to compute clamping margin and extremity lengths)
  float pixelsThickness = max(a_thickness, u_minEdgeThickness * u_sizeRatio);
  float webGLThickness = pixelsThickness * u_correctionRatio / u_sizeRatio;

  // SDF clamping: find where the edge body meets the node boundaries. Always
  // searched (ungated) so labels get a true boundary clamp; the body re-applies
  // its extremity gating in-shader.
`).concat(h,`
  float tStart = queryFindSourceClampT(pathId, a_source, a_sourceSize, int(a_sourceShapeId), a_sourceRotateAlign, a_target, 0.0);
`).concat(m,`
  float tEnd = queryFindTargetClampT(pathId, a_source, a_target, a_targetSize, int(a_targetShapeId), a_targetRotateAlign, 0.0);

  // straightenFactor (frame .z) is consumed only by the body, which runs to the
  // node center when an extremity is absent. Derive the straightening math from
  // these gated clamps — not the ungated boundary ones above — so it matches the
  // geometry it drives. The ungated tStart/tEnd remain what labels read.
  float bodyTStart = tailLengthRatio > 0.0 ? tStart : 0.0;
  float bodyTEnd = headLengthRatio > 0.0 ? tEnd : 1.0;

  // Path length and zone boundaries (needed for straightening check)
  float pathLength = queryPathLength(pathId, a_source, a_target);
  float visibleLength = pathLength * (bodyTEnd - bodyTStart);

  float headLength = headLengthRatio * webGLThickness;
  float tailLength = tailLengthRatio * webGLThickness;
  float minBodyLength = minBodyLengthRatio * webGLThickness;

  float totalNeededLength = headLength + tailLength + minBodyLength;
  float extremityScale = 1.0;
  if (totalNeededLength > visibleLength && totalNeededLength > 0.0001) {
    extremityScale = visibleLength / totalNeededLength;
    headLength *= extremityScale;
    tailLength *= extremityScale;
  }

  float headLengthT = pathLength > 0.0001 ? headLength / pathLength : 0.0;
  float tailLengthT = pathLength > 0.0001 ? tailLength / pathLength : 0.0;

  float tTailEnd = bodyTStart + tailLengthT;
  float tHeadStart = bodyTEnd - headLengthT;
  if (tTailEnd > tHeadStart) {
    float mid = (bodyTStart + bodyTEnd) * 0.5;
    tTailEnd = mid;
    tHeadStart = mid;
  }

  // Straighten factor: blend toward straight line when path twists in extremity zones
  float straightenFactor = 0.0;
  {
    float maxDeviation = 0.0;
    if (tailLengthT > 0.0001) {
      vec2 tailTang = queryPathTangent(pathId, tTailEnd, a_source, a_target);
      vec2 tailChord = queryPathPosition(pathId, bodyTStart, a_source, a_target)
                     - queryPathPosition(pathId, tTailEnd, a_source, a_target);
      float tailChordLen = length(tailChord);
      if (tailChordLen > 0.0001) {
        maxDeviation = max(maxDeviation, 1.0 - dot(-tailTang, tailChord / tailChordLen));
      }
    }
    if (headLengthT > 0.0001) {
      vec2 headTang = queryPathTangent(pathId, tHeadStart, a_source, a_target);
      vec2 headChord = queryPathPosition(pathId, bodyTEnd, a_source, a_target)
                     - queryPathPosition(pathId, tHeadStart, a_source, a_target);
      float headChordLen = length(headChord);
      if (headChordLen > 0.0001) {
        maxDeviation = max(maxDeviation, 1.0 - dot(headTang, headChord / headChordLen));
      }
    }
    straightenFactor = smoothstep(0.035, 0.5, maxDeviation);
  }

  // When straightening, blend the ungated tStart/tEnd (the label-facing clamps)
  // toward straight-line clamp positions.
  if (straightenFactor > 0.001) {
    if (tailLengthRatio > 0.0) {
`).concat(h,`
      float srcExtent = a_sourceSize * u_correctionRatio / u_sizeRatio * 2.0;
      float srcEffective = 1.0 - u_correctionRatio / srcExtent;
      float srcCa = u_cameraAngle * (1.0 - a_sourceRotateAlign);
      mat2 srcRot = mat2(cos(srcCa), -sin(srcCa), sin(srcCa), cos(srcCa));
      float lo = 0.0, hi = 0.5;
      for (int i = 0; i < 12; i++) {
        float mid = (lo + hi) * 0.5;
        vec2 pos = mix(a_source, a_target, mid);
        vec2 localPos = srcRot * ((pos - a_source) / srcExtent);
        float sdf = querySDF(int(a_sourceShapeId), localPos, srcEffective);
        if (sdf < 0.0) lo = mid; else hi = mid;
      }
      tStart = mix(tStart, (lo + hi) * 0.5, straightenFactor);
    }
    if (headLengthRatio > 0.0) {
`).concat(m,`
      float tgtExtent = a_targetSize * u_correctionRatio / u_sizeRatio * 2.0;
      float tgtEffective = 1.0 - u_correctionRatio / tgtExtent;
      float tgtCa = u_cameraAngle * (1.0 - a_targetRotateAlign);
      mat2 tgtRot = mat2(cos(tgtCa), -sin(tgtCa), sin(tgtCa), cos(tgtCa));
      float lo = 0.5, hi = 1.0;
      for (int i = 0; i < 12; i++) {
        float mid = (lo + hi) * 0.5;
        vec2 pos = mix(a_source, a_target, mid);
        vec2 localPos = tgtRot * ((pos - a_target) / tgtExtent);
        float sdf = querySDF(int(a_targetShapeId), localPos, tgtEffective);
        if (sdf < 0.0) hi = mid; else lo = mid;
      }
      tEnd = mix(tEnd, (lo + hi) * 0.5, straightenFactor);
    }
  }

  v_clamp = vec4(tStart, tEnd, straightenFactor, pathLength);

  // Scatter this point to its edge's texel center in the frame texture.
  float x = mod(float(edgeIdx), u_frameTextureWidth);
  float y = floor(float(edgeIdx) / u_frameTextureWidth);
  vec2 ndc = (vec2(x, y) + 0.5) / vec2(u_frameTextureWidth, u_frameTextureHeight) * 2.0 - 1.0;
  gl_Position = vec4(ndc, 0.0, 1.0);
  gl_PointSize = 1.0;
}
`);return x}var sa=0,so=1,la=2;function Xu(a,e,t){var n=[];t&&(n.push([sa,0,-1],[sa,0,1]),n.push([sa,1,-1],[sa,1,1]));for(var r=0;r<=a;r++){var i=r/a;n.push([so,i,-1],[so,i,1])}return e&&(n.push([la,0,-1],[la,0,1]),n.push([la,1,-1],[la,1,1])),{data:n,attributes:[{name:"a_zone",size:1,type:pn},{name:"a_zoneT",size:1,type:pn},{name:"a_side",size:1,type:pn}],verticesPerEdge:n.length}}function Ku(a,e,t,n){var r=Ce([].concat(q(a),q(t))),i=xn(r),o=new Set(["u_matrix","u_sizeRatio","u_correctionRatio","u_zoomRatio","u_pixelRatio","u_cameraAngle","u_minEdgeThickness","u_pickingPadding","u_nodeDataTexture"]),s=new Set,l=[],d=function(p){!o.has(p.name)&&!s.has(p.name)&&(s.add(p.name),l.push("uniform ".concat(p.type," ").concat(p.name,";")))};a.forEach(function(v){return v.uniforms.forEach(d)}),e.forEach(function(v){return v.uniforms.forEach(d)}),t.forEach(function(v){return v.uniforms.forEach(d)});var u=n.map(function(v){var p=v.size===1?"float":"vec".concat(v.size);return"in ".concat(p," ").concat(v.name,";")}).join(`
`),c=e.map(function(v){return de(v.widthFactor)}).join(", "),g=Math.max.apply(Math,q(a.map(function(v){return v.minBodyLengthRatio||0}))),f=t.some(function(v){return v.needsNodeColors}),h=a.some(function(v){return v.needsNodeSize}),m=`#version 300 es

// Constant attributes (per vertex)
`.concat(u,`

// Per-edge attributes
// Edge data (source/target indices, thickness, extremity ratios, path/extremity IDs)
// is fetched from edge data texture via edge index
in float a_edgeIndex;   // Index into edge data texture
in vec4 a_color;        // Edge color
in vec4 a_id;           // Edge ID for picking
in float a_opacity;     // Edge opacity

// Standard uniforms
uniform mat3 u_matrix;
uniform float u_sizeRatio;
uniform float u_correctionRatio;
uniform float u_zoomRatio;
uniform float u_pixelRatio;
uniform float u_cameraAngle;
uniform float u_minEdgeThickness;
#ifdef PICKING_MODE
uniform float u_pickingPadding;
#endif
uniform sampler2D u_nodeDataTexture;
uniform int u_nodeDataTextureWidth;
uniform sampler2D u_edgeDataTexture;
uniform int u_edgeDataTextureWidth;
uniform sampler2D u_edgeFrameTexture;
uniform int u_edgeFrameTextureWidth;

// Edge path attribute texture uniforms
`).concat(i.uniformDeclarations,`

// Custom uniforms
`).concat(l.join(`
`),`

// Standard varyings
out vec4 v_color;
out float v_opacity;
out vec4 v_id;
out float v_thickness;       // Edge body thickness (in consistent units)
out float v_t;
out float v_tStart;
out float v_tEnd;
out float v_side;
out float v_antialiasingWidth;  // Anti-aliasing width (normalized: u_correctionRatio / thickness)
out vec2 v_source;
out vec2 v_target;
out float v_edgeLength;
`).concat(h?`
out float v_sourceNodeSize;  // Source node size (mirrored in labels/generator.ts as plain float)
out float v_targetNodeSize;  // Target node size (mirrored in labels/generator.ts as plain float)`:"",`
`).concat(f?`
out vec4 v_sourceColor;
out vec4 v_targetColor;`:"",`
// Zone varyings
out float v_zone;            // 0=tail, 1=body, 2=head
out float v_zoneT;           // Position within zone [0,1]
out float v_headLengthRatio; // Head length as ratio of thickness
out float v_tailLengthRatio; // Tail length as ratio of thickness
out float v_headWidthRatio;  // Head width factor
out float v_tailWidthRatio;  // Tail width factor

// Multi-path/extremity varyings
flat out int v_pathId;
flat out int v_headId;
flat out int v_tailId;

// Path/layer attribute varyings (fetched from edge attribute texture)
`).concat(i.vertexVaryingDeclarations,`

const float bias = 255.0 / 254.0;

// Width factor array for extremities (shared pool for head/tail)
const float EXTREMITY_WIDTH_FACTORS[`).concat(e.length,"] = float[](").concat(c,`);

// All path functions
`).concat(mr(a),`

// Path selector functions
`).concat(yr(a),`

// Node-data fetch helper (geometry texel of the two-texel node stride)
`).concat(je,`
`).concat(f?au:"",`
// Per-edge clamp from the frame-pass (tStart, tEnd, straightenFactor, pathLength)
`).concat(Mt,`

void main() {
  // Fetch edge data from edge texture (2 texels per edge)
  // Texel 0: sourceNodeIndex, targetNodeIndex, thickness, reserved
  // Texel 1: headLengthRatio, tailLengthRatio, pathId, (headId << 4) | tailId
  int edgeIdx = int(a_edgeIndex);

  // Hidden edges are flagged with a negative row by EdgeProgram.process(). Push
  // the whole primitive outside the clip volume: every vertex lands at the same
  // out-of-range position, so it is fully clipped and rasterizes nothing —
  // neither to the frame buffer nor to the picking buffer.
  if (edgeIdx < 0) {
    gl_Position = vec4(2.0, 0.0, 0.0, 1.0);
    v_color = vec4(0.0);
    v_id = vec4(0.0);
    return;
  }

  int texel0Idx = edgeIdx * 2;
  int texel1Idx = edgeIdx * 2 + 1;
  ivec2 edgeTexCoord0 = ivec2(texel0Idx % u_edgeDataTextureWidth, texel0Idx / u_edgeDataTextureWidth);
  ivec2 edgeTexCoord1 = ivec2(texel1Idx % u_edgeDataTextureWidth, texel1Idx / u_edgeDataTextureWidth);
  vec4 edgeData0 = texelFetch(u_edgeDataTexture, edgeTexCoord0, 0);
  vec4 edgeData1 = texelFetch(u_edgeDataTexture, edgeTexCoord1, 0);

  // Unpack edge data
  int srcIdx = int(edgeData0.x);
  int tgtIdx = int(edgeData0.y);
  float a_thickness = edgeData0.z;
  // edgeData0.w is now reserved (curvature moved to path attribute texture)
  float a_headLengthRatio = edgeData1.x;
  float a_tailLengthRatio = edgeData1.y;
  int pathId = int(edgeData1.z);
  int extremityPacked = int(edgeData1.w);
  int headId = extremityPacked >> 4;
  int tailId = extremityPacked & 15;

  // Fetch path/layer attributes from edge attribute texture
`).concat(i.fetchCode,`

  // Assign path/layer attribute varyings
`).concat(i.varyingAssignments,`

  // Fetch source and target node geometry (texel 0 of the two-texel node stride)
  vec4 srcNodeData = readNodeData(u_nodeDataTexture, u_nodeDataTextureWidth, srcIdx);
  vec4 tgtNodeData = readNodeData(u_nodeDataTexture, u_nodeDataTextureWidth, tgtIdx);

  vec2 a_source = srcNodeData.xy;
  vec2 a_target = tgtNodeData.xy;
`).concat(h?`
  // Assign node size varyings early (path functions like loops need them during clamping)
  v_sourceNodeSize = srcNodeData.z;
  v_targetNodeSize = tgtNodeData.z;`:"",`
`).concat(f?`
  v_sourceColor = readNodeColor(u_nodeDataTexture, u_nodeDataTextureWidth, srcIdx);
  v_targetColor = readNodeColor(u_nodeDataTexture, u_nodeDataTextureWidth, tgtIdx);`:"",`

  // Convert thickness to WebGL units
  float minThickness = u_minEdgeThickness;
  float pixelsThickness = max(a_thickness, minThickness * u_sizeRatio);
  float webGLThickness = pixelsThickness * u_correctionRatio / u_sizeRatio;

  // Extremity parameters from ID lookups (shared pool)
  float headLengthRatio = a_headLengthRatio;
  float tailLengthRatio = a_tailLengthRatio;
  float headWidthFactor = EXTREMITY_WIDTH_FACTORS[headId];
  float tailWidthFactor = EXTREMITY_WIDTH_FACTORS[tailId];
  float minBodyLengthRatio = `).concat(de(g),`;

  // Per-edge values from the frame-pass texture (read by edge index).
  // tStart/tEnd are the ungated boundary clamps: re-apply the body's extremity
  // gating here (no extremity → body runs to the node center, 0/1).
  vec4 frameClamp = readFrameTexel(u_edgeFrameTexture, u_edgeFrameTextureWidth, edgeIdx);
  float tStart           = a_tailLengthRatio > 0.0 ? frameClamp.x : 0.0;
  float tEnd             = a_headLengthRatio > 0.0 ? frameClamp.y : 1.0;
  float straightenFactor = frameClamp.z;
  float pathLength       = frameClamp.w;

  // Anti-aliasing width (~1 pixel, normalized by thickness)
  float antialiasingWidth = u_correctionRatio / webGLThickness;

  float visibleLength = pathLength * (tEnd - tStart);

  // Compute extremity lengths in world units
  float headLength = headLengthRatio * webGLThickness;
  float tailLength = tailLengthRatio * webGLThickness;
  float minBodyLength = minBodyLengthRatio * webGLThickness;

  // Handle short edges: scale down extremities if needed
  float totalNeededLength = headLength + tailLength + minBodyLength;
  float extremityScale = 1.0;
  if (totalNeededLength > visibleLength && totalNeededLength > 0.0001) {
    extremityScale = visibleLength / totalNeededLength;
    headLength *= extremityScale;
    tailLength *= extremityScale;
  }

  // Convert lengths to t-values
  float headLengthT = pathLength > 0.0001 ? headLength / pathLength : 0.0;
  float tailLengthT = pathLength > 0.0001 ? tailLength / pathLength : 0.0;

  // Zone boundaries in t-space
  float tTailEnd = tStart + tailLengthT;
  float tHeadStart = tEnd - headLengthT;

  // Ensure body has non-negative length
  if (tTailEnd > tHeadStart) {
    float mid = (tStart + tEnd) * 0.5;
    tTailEnd = mid;
    tHeadStart = mid;
  }

  // Convert to webGL units for geometry expansion
  float aaWidthWebGL = antialiasingWidth * webGLThickness;

  // Extra geometry width for picking padding (0 in visual mode)
  #ifdef PICKING_MODE
    float pickingPaddingWebGL = u_pickingPadding * u_correctionRatio;
  #else
    float pickingPaddingWebGL = 0.0;
  #endif

  // Straight-line direction and normal (for blending when straightenFactor > 0)
  vec2 straightDir = length(a_target - a_source) > 0.0001
    ? normalize(a_target - a_source) : vec2(1.0, 0.0);
  vec2 straightNormal = vec2(-straightDir.y, straightDir.x);

  // Zone-based vertex processing using path selectors
  vec2 position;
  vec2 normal;
  float t;
  float zone = a_zone;
  float zoneT = a_zoneT;
  float side = a_side;

  // Scaled extremity width factors (geometry must be at least as wide as body)
  float scaledTailWidth = max(tailWidthFactor * extremityScale, 1.0);
  float scaledHeadWidth = max(headWidthFactor * extremityScale, 1.0);

  if (zone < 0.5) {
    // TAIL ZONE: rectangular quad with scaled width
    vec2 tang = queryPathTangent(pathId, tTailEnd, a_source, a_target);
    normal = vec2(-tang.y, tang.x);
    vec2 centerPos = mix(queryPathPosition(pathId, tStart, a_source, a_target),
                         queryPathPosition(pathId, tTailEnd, a_source, a_target), zoneT);
    float halfWidth = webGLThickness * scaledTailWidth * 0.5 + aaWidthWebGL + pickingPaddingWebGL;
    position = centerPos + normal * side * halfWidth;
    t = mix(tStart, tTailEnd, zoneT);

  } else if (zone < 1.5) {
    // BODY ZONE: follows path curvature with width = 1.0
    t = mix(tTailEnd, tHeadStart, zoneT);
    normal = queryPathNormal(pathId, t, a_source, a_target);
    float halfWidth = webGLThickness * 0.5 + aaWidthWebGL + pickingPaddingWebGL;
    position = queryPathPosition(pathId, t, a_source, a_target) + normal * side * halfWidth;

  } else {
    // HEAD ZONE: rectangular quad with scaled width
    vec2 tang = queryPathTangent(pathId, tHeadStart, a_source, a_target);
    normal = vec2(-tang.y, tang.x);
    vec2 centerPos = mix(queryPathPosition(pathId, tHeadStart, a_source, a_target),
                         queryPathPosition(pathId, tEnd, a_source, a_target), zoneT);
    float halfWidth = webGLThickness * scaledHeadWidth * 0.5 + aaWidthWebGL + pickingPaddingWebGL;
    position = centerPos + normal * side * halfWidth;
    t = mix(tHeadStart, tEnd, zoneT);
  }

  // Blend toward straight line based on path twist in extremity zones
  if (straightenFactor > 0.001) {
    float zoneWidth = zone < 0.5 ? webGLThickness * scaledTailWidth * 0.5 + aaWidthWebGL + pickingPaddingWebGL :
                      zone < 1.5 ? webGLThickness * 0.5 + aaWidthWebGL + pickingPaddingWebGL :
                      webGLThickness * scaledHeadWidth * 0.5 + aaWidthWebGL + pickingPaddingWebGL;
    vec2 straightPos = mix(a_source, a_target, t) + straightNormal * side * zoneWidth;
    position = mix(position, straightPos, straightenFactor);
  }

  gl_Position = vec4((u_matrix * vec3(position, 1.0)).xy, 0.0, 1.0);

  // Pass varyings to fragment shader
  v_color = a_color;
  v_color.a *= bias;
  v_opacity = a_opacity;
  v_id = a_id;
  v_thickness = webGLThickness;
  v_t = t;
  v_tStart = tStart;
  v_tEnd = tEnd;
  v_side = side;
  v_antialiasingWidth = antialiasingWidth;
  v_source = a_source;
  v_target = a_target;
  v_edgeLength = pathLength;

  // Zone varyings
  v_zone = zone;
  v_zoneT = zoneT;
  v_headLengthRatio = headLengthRatio * extremityScale;
  v_tailLengthRatio = tailLengthRatio * extremityScale;
  // Scale extremity width proportionally with length when crushed
  v_headWidthRatio = headWidthFactor * extremityScale;
  v_tailWidthRatio = tailWidthFactor * extremityScale;

  // Multi-path varyings
  v_pathId = pathId;
  v_headId = headId;
  v_tailId = tailId;
}
`);return m}function Yu(a,e,t,n){var r=Ce([].concat(q(a),q(t))),i=xn(r),o=new Set(["u_matrix","u_sizeRatio","u_correctionRatio","u_zoomRatio","u_pixelRatio","u_cameraAngle","u_minEdgeThickness","u_pickingPadding"]),s=new Set,l=[],d=function(y){!o.has(y.name)&&!s.has(y.name)&&(s.add(y.name),l.push("uniform ".concat(y.type," ").concat(y.name,";")))};a.forEach(function(p){return p.uniforms.forEach(d)}),e.forEach(function(p){return p.uniforms.forEach(d)}),t.forEach(function(p){return p.uniforms.forEach(d)});var u=e.map(function(p){var y;return de((y=p.baseRatio)!==null&&y!==void 0?y:.5)}).join(", "),c=function(y){var b,_;return e.length>1?"EXTREMITY_BASE_RATIOS[".concat(y,"]"):de((b=(_=e[0])===null||_===void 0?void 0:_.baseRatio)!==null&&b!==void 0?b:.5)},g=e.some(function(p){return Ne(p.length)?!0:p.length>0}),f=t.some(function(p){return p.needsNodeColors}),h=a.some(function(p){return p.needsNodeSize}),m=t.map(function(p,y){return"  // Layer ".concat(y+1,": ").concat(p.name,`
  color = blendOver(color, layer_`).concat(p.name,"(context));")}).join(`

`),v=`#version 300 es
precision highp float;

// Standard varyings
in vec4 v_color;
in float v_opacity;
in vec4 v_id;
in float v_thickness;       // Edge body thickness
in float v_t;
in float v_tStart;
in float v_tEnd;
in float v_side;
in float v_antialiasingWidth;  // Anti-aliasing width (normalized: u_correctionRatio / thickness)
in vec2 v_source;
in vec2 v_target;
in float v_edgeLength;
`.concat(h?`
in float v_sourceNodeSize;   // Source node size (mirrored in labels/generator.ts as plain float)
in float v_targetNodeSize;   // Target node size (mirrored in labels/generator.ts as plain float)`:"",`
`).concat(f?`
in vec4 v_sourceColor;
in vec4 v_targetColor;`:"",`
// Zone varyings
in float v_zone;            // 0=tail, 1=body, 2=head
in float v_zoneT;           // Position within zone [0,1]
in float v_headLengthRatio; // Head length as ratio of thickness (scaled for short edges)
in float v_tailLengthRatio; // Tail length as ratio of thickness (scaled for short edges)
in float v_headWidthRatio;  // Head width factor
in float v_tailWidthRatio;  // Tail width factor

// Multi-path/extremity varyings
flat in int v_pathId;
flat in int v_headId;
flat in int v_tailId;

// Path/layer attribute varyings (from vertex shader texture fetch)
`).concat(i.fragmentVaryingDeclarations,`

// Standard uniforms (needed by some path types)
uniform float u_sizeRatio;
uniform float u_correctionRatio;
uniform float u_cameraAngle;
#ifdef PICKING_MODE
uniform float u_pickingPadding;
#endif

// Custom uniforms
`).concat(l.join(`
`),`

// Fragment output (single target - picking handled via separate pass)
out vec4 fragColor;

`).concat(e.length>1?`// Base ratio array for extremities (shared pool for head/tail)
const float EXTREMITY_BASE_RATIOS[`.concat(e.length,"] = float[](").concat(u,");"):"",`

// EdgeContext struct
struct EdgeContext {
  float t;                   // Position along path [0, 1]
  float sdf;                 // Signed distance from centerline
  vec2 position;             // World position
  vec2 tangent;              // Path tangent
  vec2 normal;               // Path normal
  float thickness;           // Edge thickness
  float aaWidth;             // Anti-aliasing width
  float edgeLength;          // Total path length
  float tStart;              // Clamped start t
  float tEnd;                // Clamped end t
  float distanceFromSource;  // Arc distance from source
  float distanceToTarget;    // Arc distance to target
};

EdgeContext context;

// Alpha "over" compositing for layer blending
vec4 blendOver(vec4 bg, vec4 fg) {
  float a = fg.a;
  return vec4(mix(bg.rgb, fg.rgb, a), bg.a + a * (1.0 - bg.a));
}

// All path functions
`).concat(mr(a),`

// Path selector functions
`).concat(yr(a),`

// All extremity functions
`).concat(Uu(e),`

// Extremity SDF selector (shared pool for head/tail)
`).concat(Vu(e),`

// Layer functions
`).concat(t.map(function(p){return p.glsl}).join(`

`),`

// Helper: Compute arc length using path selector
float computeArcLengthMulti(int pathId, float t0, float t1, vec2 source, vec2 target, int samples) {
  float arcLen = 0.0;
  vec2 prev = queryPathPosition(pathId, t0, source, target);
  for (int i = 1; i <= samples; i++) {
    float t = t0 + (t1 - t0) * float(i) / float(samples);
    vec2 curr = queryPathPosition(pathId, t, source, target);
    arcLen += length(curr - prev);
    prev = curr;
  }
  return arcLen;
}

void main() {
  // Compute normalized t within visible edge (0 = start, 1 = end)
  float tNorm = (v_t - v_tStart) / max(v_tEnd - v_tStart, 0.0001);

  // Edge body half-thickness
  float halfThickness = v_thickness * 0.5;

  // Convert normalized AA width to webGL units (~1 pixel)
  float aaWidthWebGL = v_antialiasingWidth * v_thickness;

  // Distance from centerline based on v_side interpolation
  float zoneWidthFactor = v_zone < 0.5 ? v_tailWidthRatio :
                          v_zone < 1.5 ? 1.0 :
                          v_headWidthRatio;
  // In PICKING_MODE, inflate halfGeometryWidth to match the inflated vertex geometry
  #ifdef PICKING_MODE
    float halfGeometryWidth = halfThickness * zoneWidthFactor + aaWidthWebGL + u_pickingPadding * aaWidthWebGL;
  #else
    float halfGeometryWidth = halfThickness * zoneWidthFactor + aaWidthWebGL;
  #endif
  float distFromCenter = abs(v_side) * halfGeometryWidth;

  // Populate EdgeContext (for layer functions)
  context.t = tNorm;
  context.sdf = distFromCenter - halfThickness;
  context.position = queryPathPosition(v_pathId, v_t, v_source, v_target);
  context.tangent = queryPathTangent(v_pathId, v_t, v_source, v_target);
  context.normal = vec2(-context.tangent.y, context.tangent.x);
  context.thickness = v_thickness;
  context.aaWidth = aaWidthWebGL;
  context.edgeLength = v_edgeLength;
  context.tStart = v_tStart;
  context.tEnd = v_tEnd;

  // Compute arc distances
  float visibleLength = v_edgeLength * (v_tEnd - v_tStart);
  float pathT = v_t;
  float pathTNorm = tNorm;
`).concat(a.every(function(p){return p.linearParameterization})?`  // All paths have linear parameterization: t maps directly to arc distance
  context.distanceFromSource = pathTNorm * visibleLength;
  context.distanceToTarget = (1.0 - pathTNorm) * visibleLength;`:a.every(function(p){return!p.linearParameterization})?`  // No paths have linear parameterization: use numerical integration
  context.distanceFromSource = computeArcLengthMulti(v_pathId, v_tStart, pathT, v_source, v_target, 16);
  context.distanceToTarget = computeArcLengthMulti(v_pathId, pathT, v_tEnd, v_source, v_target, 16);`:`  // Mixed parameterization: use analytical for linear paths, numerical for others
  if (`.concat(a.filter(function(p){return p.linearParameterization}).map(function(p){return"v_pathId == ".concat(a.indexOf(p))}).join(" || "),`) {
    context.distanceFromSource = pathTNorm * visibleLength;
    context.distanceToTarget = (1.0 - pathTNorm) * visibleLength;
  } else {
    context.distanceFromSource = computeArcLengthMulti(v_pathId, v_tStart, pathT, v_source, v_target, 16);
    context.distanceToTarget = computeArcLengthMulti(v_pathId, pathT, v_tEnd, v_source, v_target, 16);
  }`),`

  // Compute SDF based on zone using extremity selector (shared pool)
  float bodySDF = distFromCenter - halfThickness;
  float finalSDF;

`).concat(g?`  // Base ratios, from baseRatioLookup
  float headBaseRatio = `.concat(c("v_headId"),`;
  float tailBaseRatio = `).concat(c("v_tailId"),`;

  if (v_zone < 0.5) {
    // TAIL ZONE: v_zoneT goes 0 (tip) to 1 (base)
    vec2 uv = vec2((1.0 - v_zoneT) * v_tailLengthRatio, v_side * v_tailWidthRatio * 0.5);
    float tailSDF = queryExtremitySDF(v_tailId, uv, v_tailLengthRatio, v_tailWidthRatio) * v_thickness;

    // Apply union only near base (v_zoneT > 1 - baseRatio)
    if (v_zoneT > 1.0 - tailBaseRatio) {
      finalSDF = min(tailSDF, bodySDF);
    } else {
      finalSDF = tailSDF;
    }
  } else if (v_zone < 1.5) {
    // BODY ZONE: distance from centerline
    finalSDF = bodySDF;
  } else {
    // HEAD ZONE: v_zoneT goes 0 (base) to 1 (tip)
    vec2 uv = vec2(v_zoneT * v_headLengthRatio, v_side * v_headWidthRatio * 0.5);
    float headSDF = queryExtremitySDF(v_headId, uv, v_headLengthRatio, v_headWidthRatio) * v_thickness;

    // Apply union only near base (v_zoneT < baseRatio)
    if (v_zoneT < headBaseRatio) {
      finalSDF = min(headSDF, bodySDF);
    } else {
      finalSDF = headSDF;
    }
  }`):`  // No extremity draws tail/head geometry, so every vertex is body zone.
  finalSDF = bodySDF;`,`

  #ifdef PICKING_MODE
    // Picking pass: output edge ID for pixels within the picking area
    if (finalSDF > u_pickingPadding * aaWidthWebGL) discard;
    fragColor = v_id;
  #else
`).concat(n?`    // Visual pass: anti-aliased edge with layers, edge opacity applied once
    float alpha = smoothstep(aaWidthWebGL, -aaWidthWebGL, finalSDF) * v_opacity;`:`    // Visual pass: hard-edged (no anti-aliasing gradient) edge with layers, edge opacity applied once
    float alpha = (finalSDF < 0.0 ? 1.0 : 0.0) * v_opacity;`,`
    if (alpha < 0.01) discard;

    // Apply layers sequentially with "over" compositing
    vec4 color = vec4(0.0);

`).concat(m,`

    // Mix with transparent to fade both color AND alpha (pre-multiplied alpha for correct blending)
    fragColor = mix(vec4(0.0), color, alpha);
  #endif
}
`);return v}function Zu(a,e,t){var n=Ne(e.length)?!0:e.length>0,r=Ne(t.length)?!0:t.length>0;if(a.generateConstantData){var i=a.generateConstantData();return{data:i.data,attributes:i.attributes,verticesPerEdge:i.verticesPerEdge}}return Xu(a.segments,n,r)}function lo(a){var e,t=Ro(a),n=t.paths,r=t.extremities,i=t.layers,o=(e=a.antialias)!==null&&e!==void 0?e:!0,s=new Map,l=new Map,d=new Map,u=O(n),c;try{for(u.s();!(c=u.n()).done;){var g=c.value,f=O(r),h;try{for(f.s();!(h=f.n()).done;){var m=h.value,v=O(r),p;try{for(v.s();!(p=v.n()).done;){var y=p.value,b="".concat(g.name,":").concat(m.name,":").concat(y.name),_=Zu(g,m,y);s.set(b,_.verticesPerEdge),l.set(b,_.data);var x=O(_.attributes),T;try{for(x.s();!(T=x.n()).done;){var w=T.value;d.has(w.name)||d.set(w.name,w)}}catch(K){x.e(K)}finally{x.f()}}}catch(K){v.e(K)}finally{v.f()}}}catch(K){f.e(K)}finally{f.f()}}}catch(K){u.e(K)}finally{u.f()}var E=Array.from(d.values()),C={};E.forEach(function(K,Y){C[K.name]=Y});var R=0,I="",A=O(s),P;try{for(A.s();!(P=A.n()).done;){var D=ae(P.value,2),F=D[0],z=D[1];z>R&&(R=z,I=F)}}catch(K){A.e(K)}finally{A.f()}var G=l.get(I)||[],L=I.split(":"),k=ae(L,1),M=k[0],j=n.find(function(K){return K.name===M}),V=[];j!=null&&j.generateConstantData?V=j.generateConstantData().attributes:V=[{name:"a_zone"},{name:"a_zoneT"},{name:"a_side"}];var Q=G.map(function(K){var Y=new Array(E.length).fill(0);return V.forEach(function(Pe,me){var Ue=C[Pe.name];Ue!==void 0&&me<K.length&&(Y[Ue]=K[me])}),Y});return{vertexShader:Ku(n,r,i,E),fragmentShader:Yu(n,r,i,o),uniforms:Wu(n,r,i),attributes:Qu(),verticesPerEdge:R,constantData:Q,constantAttributes:E,vertexCountsPerCombination:s,constantDataPerCombination:l}}function Qu(a,e,t){return[{name:"a_edgeIndex",size:1,type:pn},{name:"a_color",size:4,type:oo,normalized:!0},{name:"a_id",size:4,type:oo,normalized:!0},{name:"a_opacity",size:1,type:pn}]}var Ju=`#version 300 es
precision highp float;

in vec4 v_clamp;

// RGBA32F target: stores (tStart, tEnd, straightenFactor, pathLength).
out vec4 fragColor;

void main() {
  fragColor = v_clamp;
}
`,ec=(function(){function a(e,t){ee(this,a),S(this,"uniformLocations",{});var n=t.paths,r=t.extremities,i=t.layers,o=t.nodeShapes,s=t.nodeLayers;this.gl=e,this.hasAttributeData=Ce([].concat(q(n),q(i))).floatsPerItem>0,this.hasNodeAttributeData=Object.keys(Ot(o,s).offsets).length>0,this.vertexShader=ur(e,qu(n,r,i,o,s)),this.fragmentShader=cr(e,Ju),this.program=hr(e,[this.vertexShader,this.fragmentShader]);var l=new Set;this.customUniforms=[];for(var d=0,u=[].concat(q(n),q(r));d<u.length;d++){var c=u[d],g=O(c.uniforms),f;try{for(g.s();!(f=g.n()).done;){var h=f.value;l.has(h.name)||(l.add(h.name),this.customUniforms.push(h))}}catch(b){g.e(b)}finally{g.f()}}var m=["u_sizeRatio","u_correctionRatio","u_cameraAngle","u_minEdgeThickness","u_nodeDataTexture","u_nodeDataTextureWidth","u_edgeDataTexture","u_edgeDataTextureWidth","u_edgeAttributeTexture","u_edgeAttributeTextureWidth","u_edgeAttributeTexelsPerEdge","u_layerAttributeTexture","u_layerAttributeTextureWidth","u_layerAttributeTexelsPerNode","u_frameTextureWidth","u_frameTextureHeight"].concat(q(this.customUniforms.map(function(b){return b.name}))),v=O(m),p;try{for(v.s();!(p=v.n()).done;){var y=p.value;this.uniformLocations[y]=e.getUniformLocation(this.program,y)}}catch(b){v.e(b)}finally{v.f()}this.vao=e.createVertexArray()}return te(a,[{key:"run",value:function(t,n,r,i,o){if(r!==0){var s=this.gl,l=this.uniformLocations;s.useProgram(this.program),s.bindVertexArray(this.vao),l.u_sizeRatio&&s.uniform1f(l.u_sizeRatio,t.sizeRatio),l.u_correctionRatio&&s.uniform1f(l.u_correctionRatio,t.correctionRatio),l.u_cameraAngle&&s.uniform1f(l.u_cameraAngle,t.cameraAngle),l.u_minEdgeThickness&&s.uniform1f(l.u_minEdgeThickness,t.minEdgeThickness),l.u_nodeDataTexture&&s.uniform1i(l.u_nodeDataTexture,t.nodeDataTextureUnit),l.u_nodeDataTextureWidth&&s.uniform1i(l.u_nodeDataTextureWidth,t.nodeDataTextureWidth),l.u_edgeDataTexture&&s.uniform1i(l.u_edgeDataTexture,t.edgeDataTextureUnit),l.u_edgeDataTextureWidth&&s.uniform1i(l.u_edgeDataTextureWidth,t.edgeDataTextureWidth),l.u_frameTextureWidth&&s.uniform1f(l.u_frameTextureWidth,n.getTextureWidth()),l.u_frameTextureHeight&&s.uniform1f(l.u_frameTextureHeight,n.getTextureHeight()),this.hasAttributeData&&i&&(i.bind(Qe),l.u_edgeAttributeTexture&&s.uniform1i(l.u_edgeAttributeTexture,Qe),l.u_edgeAttributeTextureWidth&&s.uniform1i(l.u_edgeAttributeTextureWidth,i.getTextureWidth()),l.u_edgeAttributeTexelsPerEdge&&s.uniform1i(l.u_edgeAttributeTexelsPerEdge,i.getTexelsPerItem())),this.hasNodeAttributeData&&o&&(o.bind(Ze),l.u_layerAttributeTexture&&s.uniform1i(l.u_layerAttributeTexture,Ze),l.u_layerAttributeTextureWidth&&s.uniform1i(l.u_layerAttributeTextureWidth,o.getTextureWidth()),l.u_layerAttributeTexelsPerNode&&s.uniform1i(l.u_layerAttributeTexelsPerNode,o.getTexelsPerItem()));var d=O(this.customUniforms),u;try{for(d.s();!(u=d.n()).done;){var c=u.value;vr(s,this.uniformLocations[c.name],c)}}catch(g){d.e(g)}finally{d.f()}n.bindAsRenderTarget(),s.disable(s.BLEND),s.disable(s.DEPTH_TEST),s.drawArrays(s.POINTS,0,r),s.bindFramebuffer(s.FRAMEBUFFER,null),s.bindVertexArray(null)}}},{key:"kill",value:function(){var t=this.gl;t.deleteProgram(this.program),t.deleteShader(this.vertexShader),t.deleteShader(this.fragmentShader),t.deleteVertexArray(this.vao)}}])})();function fn(a,e,t,n,r,i){if(a.length===1)return"".concat(n," ").concat(e,"(int pathId, ").concat(r,`) {
  return path_`).concat(a[0].name,"_").concat(t,"(").concat(i,`);
}`);var o=a.map(function(s,l){return"    case ".concat(l,": return path_").concat(s.name,"_").concat(t,"(").concat(i,");")}).join(`
`);return"".concat(n," ").concat(e,"(int pathId, ").concat(r,`) {
  switch (pathId) {
`).concat(o,`
    default: return path_`).concat(a[0].name,"_").concat(t,"(").concat(i,`);
  }
}`)}var tc=`
vec3 computeEdgeLabelBodyBounds(
  float tStart, float tEnd, float pathLength,
  float webGLThickness, float headLengthRatio, float tailLengthRatio
) {
  float visibleLength = pathLength * (tEnd - tStart);

  float headLength = headLengthRatio * webGLThickness;
  float tailLength = tailLengthRatio * webGLThickness;
  float totalNeededLength = headLength + tailLength;
  if (totalNeededLength > visibleLength && totalNeededLength > 0.0001) {
    float extremityScale = visibleLength / totalNeededLength;
    headLength *= extremityScale;
    tailLength *= extremityScale;
  }

  float bodyStartDist = tStart * pathLength + tailLength;
  float bodyEndDist = tEnd * pathLength - headLength;
  return vec3(bodyStartDist, bodyEndDist, max(bodyEndDist - bodyStartDist, 0.0));
}
`;function nc(a,e){var t=de(a),n=de(e);return`
float computeEdgeLabelAlpha(float bodyLength, float textWidthWebGL) {
  float ratio = textWidthWebGL > 0.0001 ? min(bodyLength / textWidthWebGL, 1.0) : 1.0;
  if (ratio < `.concat(t,`) return 0.0;
  if (ratio < `).concat(n,") return (ratio - ").concat(t,") / (").concat(n," - ").concat(t,`);
  return 1.0;
}
`)}var ac=`
float computeEdgeLabelScreenDir(int pathId, float t, vec2 source, vec2 target, mat3 matrix) {
  vec2 tangent = queryPathTangent(pathId, t, source, target);
  return (matrix * vec3(tangent, 0.0)).x < 0.0 ? -1.0 : 1.0;
}
`,rc=`
float computeEdgeLabelPerpOffset(
  float positionMode,
  float halfThickness, float marginWebGL, float halfTextHeight,
  float readingSign, float screenDir
) {
  float magnitude = halfThickness + marginWebGL + halfTextHeight;
  if (positionMode == 1.0) return magnitude * readingSign;
  if (positionMode == 2.0) return -magnitude * readingSign;
  if (positionMode == 3.0) return magnitude * screenDir;
  return 0.0;
}
`;function Co(a){var e=a.paths,t=a.minVisibilityThreshold,n=a.fullVisibilityThreshold,r=e.some(function(s){return s.hasSharpCorners}),i=e.map(function(s){return"// --- Path: ".concat(s.name,` ---
`).concat(s.glsl,`

// Tangent/normal functions: analytical if provided, otherwise numerical
`).concat(s.analyticalTangentGlsl||wo(s.name),`

// Auto-generated fallbacks for any missing path functions
`).concat(Ao(s.name,s.glsl),`

// Corner skip helpers (for paths with sharp corners like step/taxi)
`).concat(s.cornerSkipGlsl||"",`
`)}).join(`
`),o=r?`// Corner function selectors (only some paths have sharp corners)
vec2 queryGetCornerTs(int pathId, vec2 source, vec2 target) {
  switch (pathId) {
`.concat(e.map(function(s,l){return s.hasSharpCorners?"    case ".concat(l,": return path_").concat(s.name,"_getCornerTs(source, target);"):"    case ".concat(l,": return vec2(-1.0, -1.0); // No corners for ").concat(s.name)}).join(`
`),`
    default: return vec2(-1.0, -1.0);
  }
}

vec2 queryGetCornerConcavity(int pathId, vec2 source, vec2 target, float perpOffset) {
  switch (pathId) {
`).concat(e.map(function(s,l){return s.hasSharpCorners?"    case ".concat(l,": return path_").concat(s.name,"_getCornerConcavity(source, target, perpOffset);"):"    case ".concat(l,": return vec2(0.0, 0.0); // No corners for ").concat(s.name)}).join(`
`),`
    default: return vec2(0.0, 0.0);
  }
}`):"";return`
// ============================================================================
// Node data fetch (geometry texel) and per-edge clamp fetch (edge-frame texture)
// ============================================================================

`.concat(je,`
`).concat(Mt,`

// ============================================================================
// Path Functions (one block per path)
// ============================================================================

`).concat(i,`

// ============================================================================
// Path Query Selectors (dispatch by pathId)
// ============================================================================

`).concat(fn(e,"queryPathPosition","position","vec2","float t, vec2 source, vec2 target","t, source, target"),`

`).concat(fn(e,"queryPathTangent","tangent","vec2","float t, vec2 source, vec2 target","t, source, target"),`

`).concat(fn(e,"queryPathNormal","normal","vec2","float t, vec2 source, vec2 target","t, source, target"),`

`).concat(fn(e,"queryPathLength","length","float","vec2 source, vec2 target","source, target"),`

`).concat(fn(e,"queryPathTAtDistance","t_at_distance","float","float dist, vec2 source, vec2 target","dist, source, target"),`

`).concat(o,`

// ============================================================================
// Shared helpers (body bounds, alpha ramp, screen direction, perpendicular offset)
// ============================================================================

`).concat(tc,`
`).concat(nc(t,n),`
`).concat(ac,`
`).concat(rc,`
`)}var ic=Oe.fontSize,oc=new Map,Lo=24,uo=(Lo+1)*2;function sc(a){var e=a.paths,t=a.fontSizeMode,n=a.headLengthRatio,r=a.tailLengthRatio,i=a.minVisibilityThreshold,o=a.fullVisibilityThreshold,s=a.keepUpright,l=t==="scaled",d=Me(),u=Ce([].concat(q(e),[d])),c=xn(u),g=`#version 300 es

// Per-instance attributes
in float a_edgeIndex;
in float a_edgeAttrIndex;
in float a_baseFontSize;
in float a_totalTextWidth;
in float a_positionMode;
in float a_margin;
in float a_padding;
in vec4 a_color;
in vec4 a_id;

// Per-vertex (constant) attribute: strip vertex index
in float a_vertexIndex;

uniform mat3 u_matrix;
uniform float u_sizeRatio;
uniform float u_correctionRatio;
uniform float u_pixelRatio;
uniform float u_cameraAngle;
uniform vec2 u_resolution;
uniform sampler2D u_nodeDataTexture;
uniform int u_nodeDataTextureWidth;
uniform sampler2D u_edgeDataTexture;
uniform int u_edgeDataTextureWidth;
uniform sampler2D u_edgeFrameTexture; // Per-edge clamp (tStart, tEnd, straightenFactor, pathLength)
uniform int u_edgeFrameTextureWidth;
`.concat(l?"uniform float u_zoomSizeRatio;":"",`

`).concat(c.uniformDeclarations,`

out vec4 v_color;
out vec4 v_id;
out float v_alphaModifier;

const float ATLAS_FONT_SIZE = `).concat(de(ic),`;
const float HEAD_RATIO = `).concat(de(n),`;
const float TAIL_RATIO = `).concat(de(r),`;
const int RIBBON_SEGMENTS = `).concat(Lo,`;

// Path attribute varyings (declared as plain locals since this shader has no FS inputs for them)
`).concat(c.vertexVaryingDeclarations.replace(/out /g,""),`

// Node size variables used by some path functions (self-loops, etc.)
float v_sourceNodeSize;
float v_targetNodeSize;

// Shared preamble: shape SDFs, path functions + selectors, clamp, helpers.
`).concat(Co({paths:e,minVisibilityThreshold:i,fullVisibilityThreshold:o}),`

void main() {
  int vIdx = int(a_vertexIndex);
  int pairIdx = vIdx / 2;
  int side = vIdx - pairIdx * 2; // 0 = left/bottom, 1 = right/top

  // --- Fetch edge data (2 texels per edge) ---
  int edgeIdx = int(a_edgeIndex);
  int texel0Idx = edgeIdx * 2;
  int texel1Idx = edgeIdx * 2 + 1;
  ivec2 e0 = ivec2(texel0Idx % u_edgeDataTextureWidth, texel0Idx / u_edgeDataTextureWidth);
  ivec2 e1 = ivec2(texel1Idx % u_edgeDataTextureWidth, texel1Idx / u_edgeDataTextureWidth);
  vec4 edgeData0 = texelFetch(u_edgeDataTexture, e0, 0);
  vec4 edgeData1 = texelFetch(u_edgeDataTexture, e1, 0);

  int srcIdx = int(edgeData0.x);
  int tgtIdx = int(edgeData0.y);
  float thickness = edgeData0.z;
  int pathId = int(edgeData1.z);

  // --- Fetch path attributes (curvature, etc.) ---
  {
    int edgeIdx = int(a_edgeAttrIndex);
`).concat(c.fetchCode,`
`).concat(c.varyingAssignments,`
  }

  // --- Fetch node data: geometry (texel 0) + rotation flags (texel 1) ---
  vec4 srcN = readNodeData(u_nodeDataTexture, u_nodeDataTextureWidth, srcIdx);
  vec4 tgtN = readNodeData(u_nodeDataTexture, u_nodeDataTextureWidth, tgtIdx);

  vec2 source = srcN.xy;
  vec2 target = tgtN.xy;
  float sourceSize = srcN.z;
  float targetSize = tgtN.z;
  v_sourceNodeSize = sourceSize;
  v_targetNodeSize = targetSize;

  // --- Pixel-to-graph conversion (fixed font mode) ---
  float matrixScaleX = length(vec2(u_matrix[0][0], u_matrix[1][0]));
  float pixelToGraph = 2.0 / (matrixScaleX * u_resolution.x);

  float webGLThickness = thickness * u_correctionRatio / u_sizeRatio;

  // --- Body bounds (shared with edge label shader) ---
  vec4 edgeClamp = readFrameTexel(u_edgeFrameTexture, u_edgeFrameTextureWidth, edgeIdx);
  vec3 bodyBounds = computeEdgeLabelBodyBounds(
    edgeClamp.x, edgeClamp.y, edgeClamp.w,
    webGLThickness, HEAD_RATIO, TAIL_RATIO
  );
  float bodyStartDist = bodyBounds.x;
  float bodyEndDist = bodyBounds.y;
  float bodyLength = bodyBounds.z;

  // --- Text dimensions ---
  float baseFontSize = a_baseFontSize;
  `).concat(l?`float fontScale = baseFontSize / ATLAS_FONT_SIZE * u_zoomSizeRatio;
  float textWidthWebGL = a_totalTextWidth * fontScale * u_correctionRatio / u_sizeRatio;
  float halfTextHeight = baseFontSize * 0.35 * u_zoomSizeRatio * u_correctionRatio / u_sizeRatio;
  float marginWebGL = a_margin * u_zoomSizeRatio * u_correctionRatio / u_sizeRatio;`:`float fontScale = baseFontSize / ATLAS_FONT_SIZE;
  float textWidthWebGL = a_totalTextWidth * fontScale * pixelToGraph;
  float halfTextHeight = baseFontSize * 0.35 * pixelToGraph;
  float marginWebGL = a_margin * pixelToGraph;`,`
  float paddingWebGL = a_padding * pixelToGraph;

  // --- Alpha modifier (shared with edge label shader) ---
  float alphaModifier = computeEdgeLabelAlpha(bodyLength, textWidthWebGL);
  if (alphaModifier <= 0.0 || textWidthWebGL <= 0.0) {
    gl_Position = vec4(2.0, 0.0, 0.0, 1.0);
    v_color = vec4(0.0);
    v_id = vec4(0.0);
    v_alphaModifier = 0.0;
    return;
  }

  // --- Perpendicular offset (shared with edge label shader) ---
  float bodyCenterDist = (bodyStartDist + bodyEndDist) * 0.5;
  float centerT = queryPathTAtDistance(pathId, bodyCenterDist, source, target);
  float screenDir = computeEdgeLabelScreenDir(pathId, centerT, source, target, u_matrix);
  float readingSign = `).concat(s?"screenDir":"1.0",`;
  float halfThickness = webGLThickness * 0.5;
  float perpOffset = computeEdgeLabelPerpOffset(
    a_positionMode, halfThickness, marginWebGL, halfTextHeight, readingSign, screenDir
  );

  // --- Ribbon span (clipped to body) ---
  float halfTextWebGL = textWidthWebGL * 0.5;
  float labelStartDist = max(bodyCenterDist - halfTextWebGL, bodyStartDist);
  float labelEndDist = min(bodyCenterDist + halfTextWebGL, bodyEndDist);

  // Sample centerline at this pair, then apply perpendicular offset.
  // The ribbon follows the centerline path (simple & robust); for curved edges
  // this closely matches the offset path the characters sit on.
  float u = float(pairIdx) / float(RIBBON_SEGMENTS);
  float arcDist = mix(labelStartDist, labelEndDist, u);
  float t = queryPathTAtDistance(pathId, arcDist, source, target);
  vec2 pos = queryPathPosition(pathId, t, source, target);
  vec2 tan = queryPathTangent(pathId, t, source, target);
  vec2 perp = vec2(-tan.y, tan.x);

  vec2 centerPos = pos + perp * perpOffset;

  float halfRibbon = halfTextHeight + paddingWebGL;
  float sideSign = side == 0 ? -1.0 : 1.0;
  vec2 ribbonPos = centerPos + perp * (sideSign * halfRibbon);

  vec3 clipPos = u_matrix * vec3(ribbonPos, 1.0);
  gl_Position = vec4(clipPos.xy, 0.0, 1.0);

  v_color = a_color;
  v_id = a_id;
  v_alphaModifier = alphaModifier;
}
`);return g}var lc=`#version 300 es
precision highp float;

in vec4 v_color;
in vec4 v_id;
in float v_alphaModifier;

out vec4 fragColor;

void main() {
#ifdef PICKING_MODE
  if (v_alphaModifier <= 0.0) discard;
  fragColor = v_id;
#else
  float alpha = v_color.a * v_alphaModifier;
  if (alpha <= 0.0) discard;
  fragColor = vec4(v_color.rgb * alpha, alpha);
#endif
}
`;function dc(a,e,t,n){var r=n.shaderConfig,i=r.paths,o=r.fontSizeMode;if(i.length===0)throw new Error("createEdgeLabelBackgroundProgram: shaderConfig must declare at least one path");var s=Me(),l=Ce([].concat(q(i),[s])),d=fa([].concat(q(i),[s]),l),u=sc(r),c=(function(g){function f(h,m,v){var p;return ee(this,f),p=se(this,f,[h,m,v]),S(p,"totalCount",0),S(p,"bufferCapacity",0),S(p,"edgeAttributeTexture",null),p.edgeAttributeTexture=new ha(h,l),p.packedAttributeData=new Float32Array(l.floatsPerItem),p}return le(f,g),te(f,[{key:"getDefinition",value:function(){for(var m=WebGL2RenderingContext,v=m.FLOAT,p=m.UNSIGNED_BYTE,y=m.TRIANGLE_STRIP,b=[],_=0;_<uo;_++)b.push([_]);var x=["u_matrix","u_sizeRatio","u_correctionRatio","u_pixelRatio","u_cameraAngle","u_resolution","u_nodeDataTexture","u_nodeDataTextureWidth","u_edgeDataTexture","u_edgeDataTextureWidth","u_edgeFrameTexture","u_edgeFrameTextureWidth"];return o==="scaled"&&x.push("u_zoomSizeRatio"),l.floatsPerItem>0&&x.push("u_edgeAttributeTexture","u_edgeAttributeTextureWidth","u_edgeAttributeTexelsPerEdge"),{VERTICES:uo,VERTEX_SHADER_SOURCE:u,FRAGMENT_SHADER_SOURCE:lc,METHOD:y,UNIFORMS:x,ATTRIBUTES:[{name:"a_edgeIndex",size:1,type:v},{name:"a_edgeAttrIndex",size:1,type:v},{name:"a_baseFontSize",size:1,type:v},{name:"a_totalTextWidth",size:1,type:v},{name:"a_positionMode",size:1,type:v},{name:"a_margin",size:1,type:v},{name:"a_padding",size:1,type:v},{name:"a_color",size:4,type:p,normalized:!0},{name:"a_id",size:4,type:p,normalized:!0}],CONSTANT_ATTRIBUTES:[{name:"a_vertexIndex",size:1,type:v}],CONSTANT_DATA:b}}},{key:"processEdgeLabelBackground",value:function(m,v,p){var y=0;if(this.edgeAttributeTexture&&l.floatsPerItem>0){y=this.edgeAttributeTexture.allocate(v);var b=this.packedAttributeData;ga(d,p.edgeAttributes,b,"",oc,0),this.edgeAttributeTexture.updateAllAttributes(v,b)}var _=this.floats,x=this.ints,T=m*this.STRIDE;_[T++]=p.edgeIndex,_[T++]=y,_[T++]=p.baseFontSize,_[T++]=p.totalTextWidth,_[T++]=p.positionMode,_[T++]=p.margin,_[T++]=p.padding,_[T++]=p.color,x[T++]=p.id}},{key:"setUniforms",value:function(m,v){var p=v.gl,y=v.uniformLocations;if(p.uniformMatrix3fv(y.u_matrix,!1,m.matrix),p.uniform1f(y.u_sizeRatio,m.sizeRatio),p.uniform1f(y.u_correctionRatio,m.correctionRatio),p.uniform1f(y.u_pixelRatio,m.pixelRatio),p.uniform1f(y.u_cameraAngle,m.cameraAngle),p.uniform2f(y.u_resolution,m.width,m.height),y.u_nodeDataTexture!==void 0&&p.uniform1i(y.u_nodeDataTexture,m.nodeDataTextureUnit),y.u_nodeDataTextureWidth!==void 0&&p.uniform1i(y.u_nodeDataTextureWidth,m.nodeDataTextureWidth),y.u_edgeDataTexture!==void 0&&p.uniform1i(y.u_edgeDataTexture,m.edgeDataTextureUnit),y.u_edgeDataTextureWidth!==void 0&&p.uniform1i(y.u_edgeDataTextureWidth,m.edgeDataTextureWidth),y.u_edgeFrameTexture!==void 0&&p.uniform1i(y.u_edgeFrameTexture,m.edgeFrameTextureUnit),y.u_edgeFrameTextureWidth!==void 0&&p.uniform1i(y.u_edgeFrameTextureWidth,m.edgeFrameTextureWidth),o==="scaled"&&y.u_zoomSizeRatio!==void 0){var b=this.renderer.getSetting("zoomToSizeRatioFunction");p.uniform1f(y.u_zoomSizeRatio,1/b(m.zoomRatio))}this.edgeAttributeTexture&&l.floatsPerItem>0&&y.u_edgeAttributeTexture!==void 0&&(this.edgeAttributeTexture.bind(Qe),p.uniform1i(y.u_edgeAttributeTexture,Qe),p.uniform1i(y.u_edgeAttributeTextureWidth,this.edgeAttributeTexture.getTextureWidth()),p.uniform1i(y.u_edgeAttributeTexelsPerEdge,this.edgeAttributeTexture.getTexelsPerItem()))}},{key:"renderProgram",value:function(m,v){this.edgeAttributeTexture&&l.floatsPerItem>0&&this.edgeAttributeTexture.upload(),he(f,"renderProgram",this,3)([m,v])}},{key:"kill",value:function(){this.edgeAttributeTexture&&(this.edgeAttributeTexture.kill(),this.edgeAttributeTexture=null),he(f,"kill",this,3)([])}},{key:"drawWebGL",value:function(m,v){var p=v.gl;this.totalCount!==0&&p.drawArraysInstanced(p.TRIANGLE_STRIP,0,this.VERTICES,this.totalCount)}},{key:"reallocate",value:function(m){this.totalCount=m,m>this.bufferCapacity&&(this.bufferCapacity=Math.max(m,Math.ceil(this.bufferCapacity*1.5)||10),he(f,"reallocate",this,3)([this.bufferCapacity]))}}])})(ut);return new c(a,e,t)}function ko(a){var e,t,n,r,i,o;return{paths:a.paths,headLengthRatio:(e=a.headLengthRatio)!==null&&e!==void 0?e:0,tailLengthRatio:(t=a.tailLengthRatio)!==null&&t!==void 0?t:0,fontSizeMode:(n=a.fontSizeMode)!==null&&n!==void 0?n:"fixed",minVisibilityThreshold:(r=a.minVisibilityThreshold)!==null&&r!==void 0?r:.7,fullVisibilityThreshold:(i=a.fullVisibilityThreshold)!==null&&i!==void 0?i:.8,keepUpright:(o=a.keepUpright)!==null&&o!==void 0?o:!0}}var uc=Oe.fontSize,cc=17/64;function hc(a){var e=a.paths,t=a.hasBorder,n=t===void 0?!1:t,r=a.fontSizeMode,i=r===void 0?"fixed":r,o=a.minVisibilityThreshold,s=o===void 0?.5:o,l=a.fullVisibilityThreshold,d=l===void 0?.6:l,u=a.keepUpright,c=u===void 0?!0:u,g=i==="scaled",f=e.some(function(y){return y.hasSharpCorners}),h=Me(),m=Ce([].concat(q(e),[h])),v=xn(m),p=`#version 300 es

// ============================================================================
// Attributes - Per Character (Instanced)
// ============================================================================

// Edge geometry: indices for texture lookup
// Edge data (source/target node indices, thickness, head/tail ratios) is fetched from edge data texture
// Edge path attributes (curvature, etc.) are fetched from edge attribute texture
in float a_edgeIndex;       // Index into edge data texture
in float a_edgeAttrIndex;   // Index into edge attribute texture (for curvature, etc.)
in float a_baseFontSize;    // Base font size in pixels (per-label)

// Character metrics (in glyph units = atlas font size pixels)
in vec4 a_charMetrics;      // (charTextOffset, charAdvance, totalTextWidth, positionMode)
in vec4 a_charDims;         // (charSize.x, charSize.y, charOffset.x, charOffset.y)

// Atlas texture coordinates
in vec4 a_texCoords;        // (x, y, width, height) in atlas pixels

// Label parameters
in vec2 a_labelParams;      // (margin, unused)

// Appearance
in vec4 a_color;            // Character color (RGBA, normalized)
`.concat(n?"in vec4 a_borderColor;      // Border color (RGBA, normalized)":"",`

// ============================================================================
// Attributes - Per Vertex (Constant)
// ============================================================================

in vec2 a_quadCorner;       // Quad corner: (0,0), (1,0), (0,1), (1,1)

// ============================================================================
// Uniforms
// ============================================================================

uniform mat3 u_matrix;
uniform float u_sizeRatio;
uniform float u_correctionRatio;
uniform float u_pixelRatio;
uniform float u_cameraAngle;    // Required by node shape SDFs
// u_sdfBufferPixels kept for ABI compatibility but unused in shader
uniform float u_sdfBufferPixels;
uniform vec2 u_resolution;
uniform vec2 u_atlasSize;
uniform sampler2D u_nodeDataTexture; // Shared texture with node position/size/shape data
uniform int u_nodeDataTextureWidth;  // Width of 2D node data texture for coordinate calculation
uniform sampler2D u_edgeDataTexture; // Shared texture with edge data
uniform int u_edgeDataTextureWidth;  // Width of 2D edge data texture for coordinate calculation
uniform sampler2D u_edgeFrameTexture; // Per-edge clamp (tStart, tEnd, straightenFactor, pathLength)
uniform int u_edgeFrameTextureWidth;
`).concat(g?"uniform float u_zoomSizeRatio;  // Zoom-based size ratio from zoomToSizeRatioFunction":"",`

// Edge path attribute texture uniforms (for curvature and other path attributes)
`).concat(v.uniformDeclarations,`

// ============================================================================
// Varyings
// ============================================================================

out vec2 v_texCoord;
out vec4 v_color;
`).concat(n?"out vec4 v_borderColor;":"",`
out float v_edgeFade;  // 0 = fully visible, 1 = fully faded (outside body)
out float v_alphaModifier;  // 0-1 based on label visibility ratio
out float v_fontScale;  // Ratio of rendered font size to atlas font size
`).concat(n?"out float v_positionMode;  // Position mode for conditional border (0=over needs border)":"",`

// ============================================================================
// Constants
// ============================================================================

const float bias = 255.0 / 254.0;
const float FADE_WIDTH_PIXELS = 15.0;  // Width of fade gradient in pixels
const float ATLAS_FONT_SIZE = `).concat(de(uc),`;  // Base font size used in SDF atlas
const float VERTICAL_CENTER_RATIO = `).concat(de(cc),`;  // Baseline to visual center ratio

// ============================================================================
// Path Attribute Variables (set in main, used by path functions)
// ============================================================================
// Path attributes are fetched from the edge attribute texture and stored in
// variables with v_ prefix (e.g., v_curvature) for path functions to access.
`).concat(v.vertexVaryingDeclarations.replace(/out /g,""),`

// Node size variables (set in main, used by some path functions like loops).
// These mirror the v_sourceNodeSize / v_targetNodeSize varyings in generator.ts,
// but are plain floats here since the label shader is vertex-only.
float v_sourceNodeSize;
float v_targetNodeSize;

// Shared preamble: shape SDFs, path functions + selectors, clamp, helpers.
`).concat(Co({paths:e,minVisibilityThreshold:s,fullVisibilityThreshold:d}),`

// ============================================================================
// Main
// ============================================================================

void main() {
  // -------------------------------------------------------------------------
  // Fetch edge data from edge texture (2 texels per edge)
  // -------------------------------------------------------------------------
  // Texel 0: sourceNodeIndex, targetNodeIndex, thickness, reserved
  // Texel 1: headLengthRatio, tailLengthRatio, pathId, extremityIds
  int edgeIdx = int(a_edgeIndex);
  int texel0Idx = edgeIdx * 2;
  int texel1Idx = edgeIdx * 2 + 1;
  ivec2 edgeTexCoord0 = ivec2(texel0Idx % u_edgeDataTextureWidth, texel0Idx / u_edgeDataTextureWidth);
  ivec2 edgeTexCoord1 = ivec2(texel1Idx % u_edgeDataTextureWidth, texel1Idx / u_edgeDataTextureWidth);
  vec4 edgeData0 = texelFetch(u_edgeDataTexture, edgeTexCoord0, 0);
  vec4 edgeData1 = texelFetch(u_edgeDataTexture, edgeTexCoord1, 0);

  // Unpack edge data
  int srcIdx = int(edgeData0.x);
  int tgtIdx = int(edgeData0.y);
  float thickness = edgeData0.z;
  // edgeData0.w is reserved
  float headLengthRatio = edgeData1.x;
  float tailLengthRatio = edgeData1.y;
  int pathId = int(edgeData1.z);  // Path type for multi-path support
  float baseFontSize = a_baseFontSize;

  // -------------------------------------------------------------------------
  // Fetch path attributes from edge attribute texture
  // -------------------------------------------------------------------------
  // Note: The fetch code uses 'edgeIdx' variable, so we set it to the attribute texture index
  {
    int edgeIdx = int(a_edgeAttrIndex);  // Use attribute texture index for path attributes
`).concat(v.fetchCode,`
`).concat(v.varyingAssignments,`
  }

  // -------------------------------------------------------------------------
  // Fetch node data from node texture (geometry texel + rotation-flags texel)
  // -------------------------------------------------------------------------
  vec4 srcNodeData = readNodeData(u_nodeDataTexture, u_nodeDataTextureWidth, srcIdx);
  vec4 tgtNodeData = readNodeData(u_nodeDataTexture, u_nodeDataTextureWidth, tgtIdx);

  vec2 source = srcNodeData.xy;
  vec2 target = tgtNodeData.xy;
  float sourceSize = srcNodeData.z;
  float targetSize = tgtNodeData.z;
  v_sourceNodeSize = sourceSize;
  v_targetNodeSize = targetSize;
  float charTextOffset = a_charMetrics.x;
  float charAdvance = a_charMetrics.y;
  float totalTextWidth = a_charMetrics.z;
  float positionMode = a_charMetrics.w;
  vec2 charSize = a_charDims.xy;
  vec2 charOffset = a_charDims.zw;
  float margin = a_labelParams.x;

  // -------------------------------------------------------------------------
  // Compute pixel-to-graph conversion (for fixed font size mode)
  // -------------------------------------------------------------------------
  // This converts screen pixels to graph units such that N pixels on screen
  // becomes N pixels regardless of zoom level.
  // matrixScaleX is how much the matrix scales graph units to clip space
  float matrixScaleX = length(vec2(u_matrix[0][0], u_matrix[1][0]));
  float pixelToGraph = 2.0 / (matrixScaleX * u_resolution.x);

  // -------------------------------------------------------------------------
  // Step 1: Convert thickness to WebGL units
  // -------------------------------------------------------------------------
  float webGLThickness = thickness * u_correctionRatio / u_sizeRatio;

  // -------------------------------------------------------------------------
  // Step 2: Compute body bounds (truncated at node boundaries + extremities)
  // -------------------------------------------------------------------------
  vec4 edgeClamp = readFrameTexel(u_edgeFrameTexture, u_edgeFrameTextureWidth, edgeIdx);
  vec3 bodyBounds = computeEdgeLabelBodyBounds(
    edgeClamp.x, edgeClamp.y, edgeClamp.w,
    webGLThickness, headLengthRatio, tailLengthRatio
  );
  float bodyStartDist = bodyBounds.x;
  float bodyEndDist = bodyBounds.y;
  float bodyLength = bodyBounds.z;

  // -------------------------------------------------------------------------
  // Step 3: Compute font scale and text dimensions
  // -------------------------------------------------------------------------
  // Font size modes:
  // - "fixed": Constant pixel size regardless of zoom, using pixelToGraph conversion
  // - "scaled": Scales with zoom using zoomToSizeRatioFunction
  `).concat(g?`// Scaled mode: font scales with zoom
  float fontScale = baseFontSize / ATLAS_FONT_SIZE * u_zoomSizeRatio;
  // Convert glyph-unit metrics to WebGL units (scales with zoom)
  float textWidthWebGL = totalTextWidth * fontScale * u_correctionRatio / u_sizeRatio;
  float charOffsetWebGL = charTextOffset * fontScale * u_correctionRatio / u_sizeRatio;
  float charAdvanceWebGL = charAdvance * fontScale * u_correctionRatio / u_sizeRatio;`:`// Fixed mode: font stays constant in screen pixels
  float fontScale = baseFontSize / ATLAS_FONT_SIZE;
  // Convert glyph-unit metrics to graph units using pixelToGraph (zoom-independent)
  float textWidthWebGL = totalTextWidth * fontScale * pixelToGraph;
  float charOffsetWebGL = charTextOffset * fontScale * pixelToGraph;
  float charAdvanceWebGL = charAdvance * fontScale * pixelToGraph;`,`

  // Font scale varying for fragment shader gamma scaling.
  // Ratio of rendered font size to atlas font size — used to tighten the
  // anti-aliasing band for large labels so they stay sharp.
  v_fontScale = fontScale;

  // -------------------------------------------------------------------------
  // Step 4: Alpha modifier from how much of the label fits in the body
  // -------------------------------------------------------------------------
  float alphaModifier = computeEdgeLabelAlpha(bodyLength, textWidthWebGL);

  // -------------------------------------------------------------------------
  // Step 5: Compute character center offset (truncation check moved to after curvature adjustment)
  // -------------------------------------------------------------------------
  // Body center in arc distance
  float bodyCenterDist = (bodyStartDist + bodyEndDist) * 0.5;

  float centerT = queryPathTAtDistance(pathId, bodyCenterDist, source, target);
  float screenDir = computeEdgeLabelScreenDir(pathId, centerT, source, target, u_matrix);

  // Reversed labels lay their characters out from target to source
  float readingSign = `).concat(c?"screenDir":"1.0",`;

  // Character center position relative to label center (on centerline, before curvature adjustment)
  float charCenterOffset = readingSign * (charOffsetWebGL + charAdvanceWebGL * 0.5 - textWidthWebGL * 0.5);

  // -------------------------------------------------------------------------
  // Step 6: Compute perpendicular offset based on position mode
  // -------------------------------------------------------------------------
  // Position modes: 0=over, 1=above, 2=below, 3=auto
  // Needed early for curvature-adaptive character spacing in Step 7
  float halfThickness = webGLThickness * 0.5;
  `).concat(g?`// Scaled mode: margin and text height scale with zoom (same factor as font)
  float marginWebGL = margin * u_zoomSizeRatio * u_correctionRatio / u_sizeRatio;
  float halfTextHeight = baseFontSize * 0.35 * u_zoomSizeRatio * u_correctionRatio / u_sizeRatio;`:`// Fixed mode: margin and text height stay constant in screen pixels
  float marginWebGL = margin * pixelToGraph;
  float halfTextHeight = baseFontSize * 0.35 * pixelToGraph;`,`
  float perpOffset = computeEdgeLabelPerpOffset(
    positionMode, halfThickness, marginWebGL, halfTextHeight, readingSign, screenDir
  );

  // -------------------------------------------------------------------------
  // Step 7: Position character on path using offset path traversal
  // -------------------------------------------------------------------------
  // For "over" mode (perpOffset = 0), use simple centerline placement
  // For above/below modes, walk along the offset path to find correct position
  float charT;

  if (perpOffset == 0.0) {
    // Simple case: place on centerline
    float charArcDist = bodyCenterDist + charCenterOffset;
    charT = queryPathTAtDistance(pathId, charArcDist, source, target);
  } else {
    // Offset path traversal: walk along the offset curve to find character position
    // This ensures even character spacing regardless of curvature

    `).concat(f?`// -----------------------------------------------------------------------
    // Corner skip setup for step/taxi edges with above/below labels
    // -----------------------------------------------------------------------
    // At concave corners (inner side of the bend), characters would bunch up
    // because the offset path has near-zero arc length. We detect corner
    // crossings during the offset path traversal and add skip distance.

    // Get corner t values and concavity
    vec2 cornerTs = queryGetCornerTs(pathId, source, target);
    vec2 concavity = queryGetCornerConcavity(pathId, source, target, perpOffset);

    // Skip distance in graph units, proportional to on-screen font size
    // For fixed mode: use pixelToGraph so gap stays constant regardless of zoom
    // For scaled mode: use the same conversion as text width
    `.concat(g?"float skipDistGraph = STEP_INNER_CORNER_SKIP_FACTOR * baseFontSize * u_zoomSizeRatio * u_correctionRatio / u_sizeRatio;":"float skipDistGraph = STEP_INNER_CORNER_SKIP_FACTOR * baseFontSize * pixelToGraph;",`

    // Corner t values for detecting crossings during traversal
    float corner1T = cornerTs.x;
    float corner2T = cornerTs.y;
    bool corner1IsConcave = concavity.x > 0.5;
    bool corner2IsConcave = concavity.y > 0.5;`):"",`

    // Target distance along offset path from center
    float targetOffsetDist = abs(charCenterOffset);

    // Handle center character (charCenterOffset ≈ 0) - no search needed
    if (targetOffsetDist < 0.0001) {
      charT = centerT;
    } else {
      vec2 centerPos = queryPathPosition(pathId, centerT, source, target);
      vec2 centerNormal = queryPathNormal(pathId, centerT, source, target);
      vec2 offsetCenter = centerPos + centerNormal * perpOffset;

      float searchDir = charCenterOffset > 0.0 ? 1.0 : -1.0;

      // Search bounds (t values for body start and end)
      float tBodyStart = queryPathTAtDistance(pathId, bodyStartDist, source, target);
      float tBodyEnd = queryPathTAtDistance(pathId, bodyEndDist, source, target);

      // Walk along offset path to find character position
      float accumDist = 0.0;
      vec2 prevOffsetPos = offsetCenter;
      float prevT = centerT;
      float foundT = centerT;

      // Search range depends on direction
      float tSearchEnd = searchDir > 0.0 ? tBodyEnd : tBodyStart;

      `).concat(f?`// Track which concave corners we've crossed to add skip distance
      bool crossedCorner1 = false;
      bool crossedCorner2 = false;
      float effectiveTargetDist = targetOffsetDist;`:"",`

      const int STEPS = 32;
      for (int i = 1; i <= STEPS; i++) {
        // Step along centerline t, from center toward target
        float stepT = centerT + searchDir * float(i) * abs(tSearchEnd - centerT) / float(STEPS);

        `).concat(f?`// Check for concave corner crossings and add skip distance
        // Corner 1 crossing check
        if (corner1IsConcave && !crossedCorner1) {
          bool crossingCorner1 = (searchDir > 0.0)
            ? (prevT < corner1T && stepT >= corner1T)
            : (prevT > corner1T && stepT <= corner1T);
          if (crossingCorner1) {
            crossedCorner1 = true;
            effectiveTargetDist += skipDistGraph;
          }
        }

        // Corner 2 crossing check
        if (corner2IsConcave && !crossedCorner2) {
          bool crossingCorner2 = (searchDir > 0.0)
            ? (prevT < corner2T && stepT >= corner2T)
            : (prevT > corner2T && stepT <= corner2T);
          if (crossingCorner2) {
            crossedCorner2 = true;
            effectiveTargetDist += skipDistGraph;
          }
        }`:"",`

        // Compute offset position at this t
        vec2 stepPos = queryPathPosition(pathId, stepT, source, target);
        vec2 stepNormal = queryPathNormal(pathId, stepT, source, target);
        vec2 offsetPos = stepPos + stepNormal * perpOffset;

        // Distance along offset path
        float segDist = length(offsetPos - prevOffsetPos);

        `).concat(f?`if (accumDist + segDist >= effectiveTargetDist) {
          // Interpolate within segment to find exact t
          float remaining = effectiveTargetDist - accumDist;
          float segT = remaining / max(segDist, 0.0001);
          foundT = mix(prevT, stepT, segT);
          break;
        }`:`if (accumDist + segDist >= targetOffsetDist) {
          // Interpolate within segment to find exact t
          float remaining = targetOffsetDist - accumDist;
          float segT = remaining / max(segDist, 0.0001);
          foundT = mix(prevT, stepT, segT);
          break;
        }`,`

        accumDist += segDist;
        prevOffsetPos = offsetPos;
        prevT = stepT;
        // Update foundT to last valid position in case loop exhausts without finding target
        foundT = stepT;
      }

      charT = foundT;
    }
  }

  // Get position and tangent at final character position
  vec2 pathPos = queryPathPosition(pathId, charT, source, target);
  vec2 tangent = queryPathTangent(pathId, charT, source, target);

  // Compute perpendicular direction (90 degrees from tangent)
  vec2 perpDir = vec2(-tangent.y, tangent.x);

  // Apply perpendicular offset to path position
  vec2 offsetPathPos = pathPos + perpDir * perpOffset;

  // -------------------------------------------------------------------------
  // Step 8: Build character quad
  // -------------------------------------------------------------------------
  // Character size in screen pixels
  vec2 charSizePixels = charSize * fontScale;

  // Character offset from origin to the atlas region's top-left corner.
  // bearingX/bearingY already include the SDF buffer.
  vec2 charOffsetPixels = charOffset * fontScale;

  // The character's local X offset from pathPos (which is at character center)
  float charLocalX = -charAdvance * 0.5 * fontScale;

  // Build quad position:
  // - Start at character origin (charLocalX on X axis, 0 on Y axis = baseline)
  // - Add bearing offset to get to atlas region corner
  // - Add quad corner * size to get vertex position
  vec2 quadPos;
  quadPos.x = charLocalX + charOffsetPixels.x + a_quadCorner.x * charSizePixels.x;
  // charOffset.y = -bearingY (negated), so -charOffsetPixels.y = bearingY * fontScale
  // (distance from baseline to atlas region top, positive = upward)
  // Quad corner (0,0) = bottom-left, (1,1) = top-right
  quadPos.y = -charOffsetPixels.y - charSizePixels.y * (1.0 - a_quadCorner.y);

  // Center vertically on the path by offsetting by half the visual text height
  // VERTICAL_CENTER_RATIO is the distance from baseline to visual center as a ratio of atlas font size
  float verticalCenterOffset = VERTICAL_CENTER_RATIO * ATLAS_FONT_SIZE * fontScale;
  quadPos.y -= verticalCenterOffset;

  // -------------------------------------------------------------------------
  // Step 9: Rotate quad to align with tangent
  // -------------------------------------------------------------------------
  // Rotation matrix from the reading direction
  // readingDir = (cos(angle), sin(angle)), so we can build rotation directly
  vec2 readingDir = tangent * readingSign;
  mat2 rotation = mat2(readingDir.x, readingDir.y, -readingDir.y, readingDir.x);

  // Convert pixel offset to WebGL units for rotation
  `).concat(g?"vec2 quadPosWebGL = quadPos * u_correctionRatio / u_sizeRatio; // Scaled mode":"vec2 quadPosWebGL = quadPos * pixelToGraph; // Fixed mode: use pixelToGraph for zoom-independent size",`

  // Rotate around character center on path
  vec2 rotatedOffset = rotation * quadPosWebGL;

  // Final position in graph space (using offset path position for above/below modes)
  vec2 worldPos = offsetPathPos + rotatedOffset;

  // -------------------------------------------------------------------------
  // Step 10: Transform to clip space
  // -------------------------------------------------------------------------
  vec3 clipPos = u_matrix * vec3(worldPos, 1.0);
  gl_Position = vec4(clipPos.xy, 0.0, 1.0);

  // -------------------------------------------------------------------------
  // Step 11: Texture coordinates
  // -------------------------------------------------------------------------
  // Flip Y for texture coordinates (texture Y goes down, quad Y goes up)
  vec2 texCorner = vec2(a_quadCorner.x, 1.0 - a_quadCorner.y);
  v_texCoord = (a_texCoords.xy + texCorner * a_texCoords.zw) / u_atlasSize;

  // -------------------------------------------------------------------------
  // Step 12: Pass color, border color, and alpha modifier
  // -------------------------------------------------------------------------
  v_color = a_color;
  v_color.a *= bias;
`).concat(n?`  v_borderColor = a_borderColor;
  v_borderColor.a *= bias;
  v_positionMode = positionMode;`:"",`
  v_alphaModifier = alphaModifier;

  // -------------------------------------------------------------------------
  // Step 13: Compute edge fade for soft truncation
  // -------------------------------------------------------------------------
  // Convert fade width from pixels to WebGL units
  `).concat(g?"float fadeWidthWebGL = FADE_WIDTH_PIXELS * u_correctionRatio / u_sizeRatio;":"float fadeWidthWebGL = FADE_WIDTH_PIXELS * pixelToGraph;",`

  // Compute the arc position of THIS VERTEX (not just character center)
  // The quad extends from charCenter - advance/2 to charCenter + advance/2
  // a_quadCorner.x is 0 for left edge, 1 for right edge
  float vertexLocalOffset = readingSign * (a_quadCorner.x - 0.5) * charAdvanceWebGL;
  float vertexArcOffset = charCenterOffset + vertexLocalOffset;

  // Compute distance from body edges (positive = inside body, negative = outside)
  float halfBody = bodyLength * 0.5;
  float distFromStart = vertexArcOffset + halfBody;  // Distance from body start edge
  float distFromEnd = halfBody - vertexArcOffset;    // Distance from body end edge
  float distFromEdge = min(distFromStart, distFromEnd);

  // Compute fade: 0 = fully visible (deep inside body), 1 = fully faded (at body edge)
  // Fade goes from 0 (at 2*fadeWidth inside) to 1 (at body edge)
  // This ensures text is fully transparent before reaching extremities
  v_edgeFade = 1.0 - smoothstep(0.0, fadeWidthWebGL * 2.0, distFromEdge);
}
`);return p}function fc(){var a=arguments.length>0&&arguments[0]!==void 0?arguments[0]:{},e=a.hasBorder,t=e===void 0?!1:e,n=`#version 300 es
precision highp float;

in vec2 v_texCoord;
in vec4 v_color;
`.concat(t?"in vec4 v_borderColor;":"",`
in float v_edgeFade;  // 0 = fully visible, 1 = fully faded
in float v_alphaModifier;  // 0-1 based on label visibility ratio
in float v_fontScale;  // Ratio of rendered font size to atlas font size
`).concat(t?"in float v_positionMode;  // Position mode (0=over, 1=above, 2=below, 3=auto)":"",`

uniform sampler2D u_atlas;
uniform float u_gamma;
uniform float u_sdfBuffer;
uniform float u_pixelRatio;
`).concat(t?"uniform float u_borderWidth;  // Border width in SDF units (normalized)":"",`

// Fragment output (single target - picking handled via separate pass)
out vec4 fragColor;

void main() {
  #ifdef PICKING_MODE
    // Edge labels are not pickable - discard all fragments in picking mode
    fragColor = vec4(0.0);
    discard;
  #else
  // SDF stores normalized distance: 0.5 = on edge, >0.5 = inside glyph
  float sdfValue = texture(u_atlas, v_texCoord).a;

  // Edge threshold accounting for SDF buffer padding
  float edge = 1.0 - u_sdfBuffer;

  // Scale gamma inversely with font scale so small labels get a wider AA band
  // (smoother) and large labels get a tighter band (sharper).
  float aaWidth = u_gamma / (u_pixelRatio * v_fontScale);

  // Apply edge fade for soft truncation at body boundaries
  // Also apply visibility-based alpha modifier for short edge labels
  float edgeAlpha = (1.0 - v_edgeFade) * v_alphaModifier;

`).concat(t?`  // Fill alpha: fully opaque inside the glyph
  float fillAlpha = smoothstep(edge - aaWidth, edge + aaWidth, sdfValue);

  // Only apply border for "over" position mode (v_positionMode == 0.0)
  // Labels positioned above/below/auto don't overlap the edge line and don't need borders
  if (v_positionMode < 0.5) {
    // Border rendering: compute alpha for both fill and border regions
    // Border extends from (edge - borderWidth) to edge
    float borderEdge = edge - u_borderWidth;

    // Border alpha: opaque in the border region (between borderEdge and edge)
    float borderAlpha = smoothstep(borderEdge - aaWidth, borderEdge + aaWidth, sdfValue);

    // Composite: fill on top of border
    // Border is visible where borderAlpha > 0 but fillAlpha < 1
    vec3 borderColorPremult = v_borderColor.rgb * v_borderColor.a * borderAlpha * edgeAlpha;
    vec3 fillColorPremult = v_color.rgb * v_color.a * fillAlpha * edgeAlpha;

    // Blend fill over border (fill replaces border where fill is opaque)
    float finalBorderAlpha = borderAlpha * (1.0 - fillAlpha);
    vec3 finalColor = fillColorPremult + v_borderColor.rgb * v_borderColor.a * finalBorderAlpha * edgeAlpha;
    float finalAlpha = (v_color.a * fillAlpha + v_borderColor.a * finalBorderAlpha) * edgeAlpha;

    fragColor = vec4(finalColor, finalAlpha);
  } else {
    // No border for above/below/auto positions - simple text rendering
    float finalAlpha = v_color.a * fillAlpha * edgeAlpha;
    fragColor = vec4(v_color.rgb * finalAlpha, finalAlpha);
  }`:`  // Smooth transition from transparent to opaque at glyph edge
  float alpha = smoothstep(edge - aaWidth, edge + aaWidth, sdfValue);

  // Premultiplied alpha output
  float finalAlpha = v_color.a * alpha * edgeAlpha;
  fragColor = vec4(v_color.rgb * finalAlpha, finalAlpha);`,`
  #endif
}
`);return n}function gc(a){var e=arguments.length>1&&arguments[1]!==void 0?arguments[1]:!1,t=arguments.length>2&&arguments[2]!==void 0?arguments[2]:"fixed",n=["u_matrix","u_sizeRatio","u_correctionRatio","u_pixelRatio","u_cameraAngle","u_sdfBufferPixels","u_resolution","u_atlasSize","u_atlas","u_gamma","u_sdfBuffer","u_nodeDataTexture","u_nodeDataTextureWidth","u_edgeDataTexture","u_edgeDataTextureWidth","u_edgeFrameTexture","u_edgeFrameTextureWidth","u_edgeAttributeTexture","u_edgeAttributeTextureWidth","u_edgeAttributeTexelsPerEdge"];t==="scaled"&&n.push("u_zoomSizeRatio"),e&&n.push("u_borderWidth");var r=O(a),i;try{for(r.s();!(i=r.n()).done;){var o=i.value,s=O(o.uniforms),l;try{for(s.s();!(l=s.n()).done;){var d=l.value;n.includes(d.name)||n.push(d.name)}}catch(u){s.e(u)}finally{s.f()}}}catch(u){r.e(u)}finally{r.f()}return n}function pc(a){var e=a.hasBorder,t=e===void 0?!1:e,n=a.fontSizeMode,r=n===void 0?"fixed":n;return{vertexShader:hc(a),fragmentShader:fc({hasBorder:t}),uniforms:gc(a.paths,t,r)}}var vc=new Map;function mc(a){switch(a){case"over":return 0;case"above":return 1;case"below":return 2;case"auto":return 3;default:return 0}}function yc(a,e,t,n){var r=n.color,i=n.margin,o=n.textBorder,s=ko(n),l=s.paths,d=s.fontSizeMode,u=s.minVisibilityThreshold,c=s.fullVisibilityThreshold,g=s.keepUpright,f=!!o,h=pc({paths:l,hasBorder:f,fontSizeMode:d,minVisibilityThreshold:u,fullVisibilityThreshold:c,keepUpright:g}),m=(function(v){function p(y,b,_){var x;ee(this,p),x=se(this,p,[y,b,_]),S(x,"atlasTexture",null),S(x,"atlasNeedsUpdate",!1),S(x,"refreshTimeout",null),S(x,"labelGlyphCache",new Map),S(x,"edgeAttributeTexture",null);var T=Me();if(x.attributeLayout=Ce([].concat(q(l),[T])),x.attrDescriptors=fa([].concat(q(l),[T]),x.attributeLayout),x.edgeAttributeTexture=new ha(y,x.attributeLayout),x.packedAttributeData=new Float32Array(x.attributeLayout.floatsPerItem),x.atlasManager=new lt,x.gamma=.025,x.sdfBuffer=Oe.cutoff,x.atlasTexture=y.createTexture(),!x.atlasTexture)throw new Error("EdgeLabelProgram: failed to create atlas texture");y.bindTexture(y.TEXTURE_2D,x.atlasTexture),y.texParameteri(y.TEXTURE_2D,y.TEXTURE_WRAP_S,y.CLAMP_TO_EDGE),y.texParameteri(y.TEXTURE_2D,y.TEXTURE_WRAP_T,y.CLAMP_TO_EDGE),y.texParameteri(y.TEXTURE_2D,y.TEXTURE_MIN_FILTER,y.LINEAR),y.texParameteri(y.TEXTURE_2D,y.TEXTURE_MAG_FILTER,y.LINEAR),y.bindTexture(y.TEXTURE_2D,null),x.atlasManager.on(lt.ATLAS_UPDATED_EVENT,function(){x.atlasNeedsUpdate=!0,x.refreshTimeout!==null&&clearTimeout(x.refreshTimeout),x.refreshTimeout=setTimeout(function(){x.refreshTimeout=null,x.renderer.refresh()},0)});var w={family:"sans-serif",weight:"normal",style:"normal"};return x.defaultFontKey=x.atlasManager.registerFont(w),x}return le(p,v),te(p,[{key:"getDefinition",value:function(){var b=WebGL2RenderingContext,_=b.FLOAT,x=b.UNSIGNED_BYTE,T=b.TRIANGLE_STRIP,w=new Set,E=[],C=O(l),R;try{for(C.s();!(R=C.n()).done;){var I=R.value,A=O(I.attributes),P;try{for(A.s();!(P=A.n()).done;){var D=P.value,F=D.name.startsWith("a_")?D.name:"a_".concat(D.name);w.has(F)||(w.add(F),E.push({name:F,size:D.size,type:D.type}))}}catch(z){A.e(z)}finally{A.f()}}}catch(z){C.e(z)}finally{C.f()}return{VERTICES:4,VERTEX_SHADER_SOURCE:h.vertexShader,FRAGMENT_SHADER_SOURCE:h.fragmentShader,METHOD:T,UNIFORMS:h.uniforms,ATTRIBUTES:[{name:"a_edgeIndex",size:1,type:_},{name:"a_edgeAttrIndex",size:1,type:_},{name:"a_baseFontSize",size:1,type:_},{name:"a_charMetrics",size:4,type:_},{name:"a_charDims",size:4,type:_},{name:"a_texCoords",size:4,type:_},{name:"a_labelParams",size:2,type:_},{name:"a_color",size:4,type:x,normalized:!0}].concat(q(f?[{name:"a_borderColor",size:4,type:x,normalized:!0}]:[]),q(E.filter(function(z){return!["a_curvature","curvature"].includes(z.name)}))),CONSTANT_ATTRIBUTES:[{name:"a_quadCorner",size:2,type:_}],CONSTANT_DATA:[[0,0],[1,0],[0,1],[1,1]]}}},{key:"prepareLabelGlyphs",value:function(b,_){if(_.hidden||!_.text){this.labelGlyphCache.delete(b);return}var x=_.text,T=_.fontKey||this.defaultFontKey;this.atlasManager.ensureGlyphs(x,T);var w=[],E=[],C=0,R=O(x),I;try{for(R.s();!(I=R.n()).done;){var A=I.value,P=A.codePointAt(0);if(P===void 0){w.push(void 0),E.push(C);continue}var D=this.atlasManager.getGlyph(P,T);w.push(D),E.push(C),D&&(C+=D.advance)}}catch(F){R.e(F)}finally{R.f()}this.labelGlyphCache.set(b,{glyphs:w,xOffsets:E,totalWidth:C})}},{key:"processCharacter",value:function(b,_,x,T){var w,E,C,R=this.floats,I=this.STRIDE,A=b*I,P=this.labelGlyphCache.get(_.parentKey);if(!P||!P.glyphs[T]){for(var D=0;D<I;D++)R[A+D]=0;return}var F=P.glyphs[T],z=P.xOffsets[T],G=p.labelColor,L=G&&J(G)==="object"&&"color"in G&&G.color?G.color:_.color,k=Re(L),M=A;R[M++]=_.edgeIndex,R[M++]=(w=(E=this.edgeAttributeTexture)===null||E===void 0?void 0:E.getIndex(_.parentKey))!==null&&w!==void 0?w:0,R[M++]=_.size,R[M++]=z,R[M++]=F.advance,R[M++]=P.totalWidth,R[M++]=mc(_.position),R[M++]=F.atlasWidth,R[M++]=F.atlasHeight,R[M++]=F.bearingX,R[M++]=-F.bearingY,R[M++]=F.atlasX,R[M++]=F.atlasY,R[M++]=F.atlasWidth,R[M++]=F.atlasHeight;var j=(C=p.labelMargin)!==null&&C!==void 0?C:_.margin;if(R[M++]=j,R[M++]=0,R[M++]=k,f&&o){var V;typeof o.color=="string"?V=o.color:V=o.color.color||"#ffffff",R[M++]=Re(V)}var Q=new Set,K=O(l),Y;try{for(K.s();!(Y=K.n()).done;){var Pe=Y.value,me=O(Pe.attributes),Ue;try{for(me.s();!(Ue=me.n()).done;){var xt=Ue.value,jt=xt.name.startsWith("a_")?xt.name.slice(2):xt.name;if(jt!=="curvature"&&!Q.has(jt)){Q.add(jt);for(var qt=0;qt<xt.size;qt++)R[M++]=0}}}catch(Xt){me.e(Xt)}finally{me.f()}}}catch(Xt){K.e(Xt)}finally{K.f()}}},{key:"processEdgeLabel",value:function(b,_,x){if(this.prepareLabelGlyphs(b,x),this.edgeAttributeTexture&&!x.hidden&&x.text){this.edgeAttributeTexture.allocate(b);var T=this.packedAttributeData;ga(this.attrDescriptors,x.edgeAttributes,T,"",vc,0),this.edgeAttributeTexture.updateAllAttributes(b,T)}return he(p,"processLabel",this,3)([b,_,x])}},{key:"updateAtlasTexture",value:function(){if(this.atlasNeedsUpdate){var b=this.normalProgram.gl,_=this.atlasManager.getTextures();if(_.length!==0){var x=_[0];b.bindTexture(b.TEXTURE_2D,this.atlasTexture),b.texImage2D(b.TEXTURE_2D,0,b.RGBA,x.width,x.height,0,b.RGBA,b.UNSIGNED_BYTE,x.data),b.bindTexture(b.TEXTURE_2D,null),this.atlasNeedsUpdate=!1}}}},{key:"setUniforms",value:function(b,_){var x=_.gl,T=_.uniformLocations,w=this.atlasManager.getTextures(),E=w.length>0?[w[0].width,w[0].height]:[1,1];if(x.uniformMatrix3fv(T.u_matrix,!1,b.matrix),x.uniform1f(T.u_sizeRatio,b.sizeRatio),x.uniform1f(T.u_correctionRatio,b.correctionRatio),x.uniform1f(T.u_pixelRatio,b.pixelRatio),x.uniform1f(T.u_cameraAngle,b.cameraAngle),x.uniform1f(T.u_sdfBufferPixels,Oe.buffer),x.uniform2f(T.u_resolution,b.width,b.height),x.uniform2f(T.u_atlasSize,E[0],E[1]),x.uniform1f(T.u_gamma,this.gamma),x.uniform1f(T.u_sdfBuffer,this.sdfBuffer),x.activeTexture(x.TEXTURE0),x.bindTexture(x.TEXTURE_2D,this.atlasTexture),x.uniform1i(T.u_atlas,0),T.u_nodeDataTexture!==void 0&&x.uniform1i(T.u_nodeDataTexture,b.nodeDataTextureUnit),T.u_nodeDataTextureWidth!==void 0&&x.uniform1i(T.u_nodeDataTextureWidth,b.nodeDataTextureWidth),T.u_edgeDataTexture!==void 0&&x.uniform1i(T.u_edgeDataTexture,b.edgeDataTextureUnit),T.u_edgeDataTextureWidth!==void 0&&x.uniform1i(T.u_edgeDataTextureWidth,b.edgeDataTextureWidth),T.u_edgeFrameTexture!==void 0&&x.uniform1i(T.u_edgeFrameTexture,b.edgeFrameTextureUnit),T.u_edgeFrameTextureWidth!==void 0&&x.uniform1i(T.u_edgeFrameTextureWidth,b.edgeFrameTextureWidth),f&&o&&T.u_borderWidth!==void 0){var C=o.width/Oe.buffer*this.sdfBuffer;x.uniform1f(T.u_borderWidth,C)}if(this.edgeAttributeTexture&&T.u_edgeAttributeTexture!==void 0&&(this.edgeAttributeTexture.bind(Qe),x.uniform1i(T.u_edgeAttributeTexture,Qe),x.uniform1i(T.u_edgeAttributeTextureWidth,this.edgeAttributeTexture.getTextureWidth()),x.uniform1i(T.u_edgeAttributeTexelsPerEdge,this.edgeAttributeTexture.getTexelsPerItem())),d==="scaled"&&T.u_zoomSizeRatio!==void 0){var R=this.renderer.getSetting("zoomToSizeRatioFunction"),I=1/R(b.zoomRatio);x.uniform1f(T.u_zoomSizeRatio,I)}}},{key:"renderProgram",value:function(b,_){this.updateAtlasTexture(),this.atlasManager.hasPendingGlyphs()&&(this.atlasManager.flush(),this.updateAtlasTexture()),this.edgeAttributeTexture&&this.edgeAttributeTexture.upload(),he(p,"renderProgram",this,3)([b,_])}},{key:"registerFont",value:function(b){var _=arguments.length>1&&arguments[1]!==void 0?arguments[1]:"normal",x=arguments.length>2&&arguments[2]!==void 0?arguments[2]:"normal";return this.atlasManager.registerFont({family:b,weight:_,style:x})}},{key:"getAtlasManager",value:function(){return this.atlasManager}},{key:"ensureGlyphsReady",value:function(b,_){var x=_||this.defaultFontKey,T=O(b),w;try{for(T.s();!(w=T.n()).done;){var E=w.value;this.atlasManager.ensureGlyphs(E,x)}}catch(C){T.e(C)}finally{T.f()}this.atlasManager.flush()}},{key:"measureLabelAtlasWidth",value:function(b,_){var x=_||this.defaultFontKey;this.atlasManager.ensureGlyphs(b,x),this.atlasManager.hasPendingGlyphs()&&this.atlasManager.flush();var T=0,w=O(b),E;try{for(w.s();!(E=w.n()).done;){var C=E.value,R=C.codePointAt(0);if(R!==void 0){var I=this.atlasManager.getGlyph(R,x);I&&(T+=I.advance)}}}catch(A){w.e(A)}finally{w.f()}return T}},{key:"measureLabel",value:function(b,_,x){var T=this.measureLabelAtlasWidth(b,x),w=_/Oe.fontSize;return{width:T*w,height:_,textHeight:_}}},{key:"kill",value:function(){var b=this.normalProgram.gl;this.refreshTimeout!==null&&(clearTimeout(this.refreshTimeout),this.refreshTimeout=null),this.atlasTexture&&(b.deleteTexture(this.atlasTexture),this.atlasTexture=null),this.edgeAttributeTexture&&(this.edgeAttributeTexture.kill(),this.edgeAttributeTexture=null),this.atlasManager.destroy(),this.labelGlyphCache.clear(),he(p,"kill",this,3)([])}}])})(To);return S(m,"labelColor",r),S(m,"labelMargin",i),new m(a,e,t)}function bc(){var a=`
// No extremity - always returns positive (outside)
float extremity_none(vec2 uv, float lengthRatio, float widthRatio) {
  return 1.0;
}
`;return{name:"none",glsl:a,length:0,widthFactor:1,margin:0,uniforms:[],attributes:[]}}function Po(a,e,t,n,r,i,o){var s,l,d=Ro(n),u=d.paths,c=d.layers,g=d.defaultHead,f=d.defaultTail,h=[bc()].concat(q(d.extremities)),m={},v={};u.forEach(function(A,P){return m[A.name]=P}),h.forEach(function(A,P){return v[A.name]=P});var p=(s=v[g])!==null&&s!==void 0?s:0,y=(l=v[f])!==null&&l!==void 0?l:0,b=null,_=Ce([].concat(q(u),q(c))),x=(function(A){function P(D,F,z){var G;ee(this,P),b||(b=lo({paths:u,extremities:h,layers:c,antialias:r})),G=se(this,P,[D,F,z]),S(G,"layerLifecycles",new Map),S(G,"needsShaderRegeneration",!1),S(G,"edgeAttributeTexture",null),S(G,"layout",_),S(G,"attrDescriptors",[]),S(G,"lifecycleIndexOffset",u.length),G._pickingBuffer=F,G.edgeAttributeTexture=new ha(D,G.layout),G.packedAttributeData=new Float32Array(G.layout.floatsPerItem),c.forEach(function(k,M){if(k.lifecycle){var j={gl:D,renderer:{refresh:function(){return z.refresh()}},getUniformLocation:function(Q){return D.getUniformLocation(G.normalProgram.program,Q)},requestShaderRegeneration:function(){G.needsShaderRegeneration=!0},requestRefresh:function(){z.refresh()}};G.layerLifecycles.set(M,k.lifecycle(j))}}),G.layerLifecycles.forEach(function(k){var M;return(M=k.init)===null||M===void 0?void 0:M.call(k)});var L=new Map;return G.layerLifecycles.forEach(function(k,M){k.getAttributeData&&L.set(u.length+M,k)}),G.attrDescriptors=fa([].concat(q(u),q(c)),G.layout,L),G}return le(P,A),te(P,[{key:"getAttributeTexture",value:function(){return this.edgeAttributeTexture}},{key:"resolveEdgeIds",value:function(F,z,G){var L=F,k=0,M=p,j=y,V=z?L.selfLoopPath:G&&L.parallelPath?L.parallelPath:L.path;V&&m[V]!==void 0&&(k=m[V]),L.head&&L.head!=="none"&&v[L.head]!==void 0&&(M=v[L.head]),L.tail&&L.tail!=="none"&&v[L.tail]!==void 0&&(j=v[L.tail]);var Q=h[M],K=h[j];return{pathId:k,headId:M,tailId:j,headLengthRatio:Ne(Q.length)?0:Q.length,tailLengthRatio:Ne(K.length)?0:K.length}}},{key:"getDefinition",value:function(){var F=WebGL2RenderingContext,z=F.TRIANGLE_STRIP,G=z,L=b;return{VERTICES:L.verticesPerEdge,VERTEX_SHADER_SOURCE:L.vertexShader,FRAGMENT_SHADER_SOURCE:L.fragmentShader,METHOD:G,UNIFORMS:L.uniforms,ATTRIBUTES:L.attributes,CONSTANT_ATTRIBUTES:L.constantAttributes,CONSTANT_DATA:L.constantData}}},{key:"maybeRegenerateShaders",value:function(){var F=this;if(this.needsShaderRegeneration){this.needsShaderRegeneration=!1;var z=c.map(function(Q,K){var Y=F.layerLifecycles.get(K);return Y!=null&&Y.regenerate?Y.regenerate():Q});b=lo({paths:u,extremities:h,layers:z,antialias:this.renderer.getSetting("antialiasEdges")});var G=this.normalProgram.gl,L=this.normalProgram,k=L.program,M=L.buffer,j=L.vertexShader,V=L.fragmentShader;G.deleteProgram(k),G.deleteBuffer(M),G.deleteShader(j),G.deleteShader(V),this.normalProgram=this.getProgramInfo("normal",G,b.vertexShader,b.fragmentShader,this._pickingBuffer)}}},{key:"process",value:function(F,z,G,L,k,M){var j=z*this.STRIDE;if(k.visibility==="hidden"||G.visibility==="hidden"||L.visibility==="hidden"){for(var V=j+this.STRIDE;j<V;j++)this.floats[j]=0;this.floats[z*this.STRIDE]=bo;return}this.processVisibleItem(Lt(F),j,G,L,k,M)}},{key:"processVisibleItem",value:function(F,z,G,L,k,M){var j,V=this.floats,Q=this.ints;V[z++]=M,V[z++]=Re(k.color),Q[z++]=F,V[z++]=(j=k.opacity)!==null&&j!==void 0?j:1;var K=this.packedAttributeData;ga(this.attrDescriptors,k,K,k.color,this.layerLifecycles,this.lifecycleIndexOffset),this.edgeAttributeTexture.updateAllAttributesAtRow(M,K)}},{key:"setUniforms",value:function(F,z){var G=this,L=z.gl,k=z.uniformLocations;k.u_matrix&&L.uniformMatrix3fv(k.u_matrix,!1,F.matrix),k.u_sizeRatio&&L.uniform1f(k.u_sizeRatio,F.sizeRatio),k.u_correctionRatio&&L.uniform1f(k.u_correctionRatio,F.correctionRatio),k.u_zoomRatio&&L.uniform1f(k.u_zoomRatio,F.zoomRatio),k.u_pixelRatio&&L.uniform1f(k.u_pixelRatio,F.pixelRatio),k.u_cameraAngle&&L.uniform1f(k.u_cameraAngle,F.cameraAngle),k.u_feather&&L.uniform1f(k.u_feather,F.antiAliasingFeather),k.u_minEdgeThickness&&L.uniform1f(k.u_minEdgeThickness,F.minEdgeThickness),k.u_pickingPadding&&L.uniform1f(k.u_pickingPadding,F.edgePickingPadding),k.u_nodeDataTexture&&L.uniform1i(k.u_nodeDataTexture,F.nodeDataTextureUnit),k.u_nodeDataTextureWidth&&L.uniform1i(k.u_nodeDataTextureWidth,F.nodeDataTextureWidth),k.u_edgeDataTexture&&L.uniform1i(k.u_edgeDataTexture,F.edgeDataTextureUnit),k.u_edgeDataTextureWidth&&L.uniform1i(k.u_edgeDataTextureWidth,F.edgeDataTextureWidth),k.u_edgeFrameTexture&&L.uniform1i(k.u_edgeFrameTexture,F.edgeFrameTextureUnit),k.u_edgeFrameTextureWidth&&L.uniform1i(k.u_edgeFrameTextureWidth,F.edgeFrameTextureWidth),this.edgeAttributeTexture&&this.layout.floatsPerItem>0&&(this.edgeAttributeTexture.bind(Qe),k.u_edgeAttributeTexture&&L.uniform1i(k.u_edgeAttributeTexture,Qe),k.u_edgeAttributeTextureWidth&&L.uniform1i(k.u_edgeAttributeTextureWidth,this.edgeAttributeTexture.getTextureWidth()),k.u_edgeAttributeTexelsPerEdge&&L.uniform1i(k.u_edgeAttributeTexelsPerEdge,this.edgeAttributeTexture.getTexelsPerItem()));var M=new Set;u.forEach(function(j){j.uniforms.forEach(function(V){M.has(V.name)||(M.add(V.name),G.setTypedUniform(V,z))})}),h.forEach(function(j){j.uniforms.forEach(function(V){M.has(V.name)||(M.add(V.name),G.setTypedUniform(V,z))})}),c.forEach(function(j){j.uniforms.forEach(function(V){M.has(V.name)||(M.add(V.name),G.setTypedUniform(V,z))})})}},{key:"render",value:function(F,z,G){this.maybeRegenerateShaders(),he(P,"render",this,3)([F,z,G])}},{key:"renderProgram",value:function(F,z){this.layerLifecycles.forEach(function(G){var L;return(L=G.beforeRender)===null||L===void 0?void 0:L.call(G)}),he(P,"renderProgram",this,3)([F,z])}},{key:"uploadAttributeTexture",value:function(){this.edgeAttributeTexture&&this.layout.floatsPerItem>0&&this.edgeAttributeTexture.upload()}},{key:"kill",value:function(){this.layerLifecycles.forEach(function(F){var z;return(z=F.kill)===null||z===void 0?void 0:z.call(F)}),this.edgeAttributeTexture&&(this.edgeAttributeTexture.kill(),this.edgeAttributeTexture=null),he(P,"kill",this,3)([])}}])})(ut),T=h[p],w=h[y],E=B({paths:u,headLengthRatio:Ne(T.length)?0:T.length,tailLengthRatio:Ne(w.length)?0:w.length},n.label),C=ko(E),R=function(){return{labelProgram:yc(a,null,t,E),labelBackgroundProgram:dc(a,e,t,{shaderConfig:C})}},I=new ec(a,{paths:u,extremities:h,layers:c,nodeShapes:i,nodeLayers:o});return{edgeProgram:new x(a,null,t),createLabelPrograms:R,framePass:I}}function xc(a){return J(a)==="object"&&"uniforms"in a&&Array.isArray(a.uniforms)}function _c(a){return J(a)==="object"&&"uniforms"in a&&"attributes"in a&&"glsl"in a}function Tc(a){return J(a)==="object"&&"uniforms"in a&&"attributes"in a&&"segments"in a}function Sc(a){return J(a)==="object"&&"uniforms"in a&&"attributes"in a&&"length"in a}function Ec(a){return J(a)==="object"&&"uniforms"in a&&"attributes"in a&&"glsl"in a}function wc(a){return J(a)==="object"&&"glsl"in a&&"name"in a&&!("uniforms"in a)}function Ac(a){return J(a)==="object"&&"glsl"in a&&"name"in a&&!("uniforms"in a)}function Rc(a){return J(a)==="object"&&"glsl"in a&&"name"in a&&!("uniforms"in a)}function Dc(a){if(xc(a))return a;if(wc(a))return{name:a.name,glsl:a.glsl,inradiusFactor:a.inradiusFactor,uniforms:[]};throw new Error("Invalid node shape specification: ".concat(JSON.stringify(a)))}function Cc(a){if(_c(a))return a;if(Fi(a))return{name:a.name,glsl:a.glsl,uniforms:[],attributes:[]};throw new Error("Invalid node layer specification: ".concat(JSON.stringify(a)))}function Lc(a){if(Tc(a))return a;if(Ac(a))return{name:a.name,glsl:a.glsl,segments:a.segments,uniforms:[],attributes:[]};throw new Error("Invalid edge path specification: ".concat(JSON.stringify(a)))}function kc(a){if(Ec(a))return a;if(Ii(a))return{name:a.name,glsl:a.glsl,uniforms:[],attributes:[]};throw new Error("Invalid edge layer specification: ".concat(JSON.stringify(a)))}function Pc(a){if(Sc(a))return a;if(Rc(a))return{name:a.name,glsl:a.glsl,length:a.length,widthFactor:a.widthFactor,margin:0,uniforms:[],attributes:[]};throw new Error("Invalid edge extremity specification: ".concat(JSON.stringify(a)))}function Fo(a){var e,t,n=(e=a?.shapes)!==null&&e!==void 0?e:un.shapes,r=(t=a?.layers)!==null&&t!==void 0?t:un.layers,i=n.map(Dc),o=r.map(Cc);if(i.length===0)throw new Error("At least one node shape must be specified.");if(o.length===0)throw new Error("At least one node layer must be specified.");return{shapes:i,layers:o}}function Fc(a){var e,t,n,r=(e=a?.paths)!==null&&e!==void 0?e:kt.paths,i=(t=a?.extremities)!==null&&t!==void 0?t:kt.extremities,o=(n=a?.layers)!==null&&n!==void 0?n:kt.layers,s=r.map(Lc),l=i.map(Pc).filter(function(u){return u!==null}),d=o.map(kc);if(s.length===0)throw new Error("At least one edge path must be specified.");if(d.length===0)throw new Error("At least one edge layer must be specified.");return{paths:s,extremities:l,layers:d}}function Io(a,e){var t={},n=O(a),r;try{for(n.s();!(r=n.n()).done;){var i=r.value;i.variables&&Object.assign(t,i.variables)}}catch(o){n.e(o)}finally{n.f()}return Object.assign(t,e||{}),t}function No(a,e,t,n,r){var i=Fo(n),o=i.shapes,s=i.layers,l=Io(o,n?.variables),d=Eo(a,e,t,{shapes:o,layers:s,label:n?.label,backdrop:n?.backdrop,labelAttachments:n?.labelAttachments},r);return B(B({},d),{},{variables:l})}function Go(a,e,t,n,r,i){var o=Fc(n),s=o.paths,l=o.extremities,d=o.layers,u=Fo(i),c=u.shapes,g=u.layers,f=Io(s,n?.variables),h=Po(a,e,t,{paths:s,extremities:l,layers:d,defaultHead:n?.defaultHead,defaultTail:n?.defaultTail,label:n?.label},r,c,g);return B(B({},h),{},{variables:f,paths:s})}var Ic=2;function zo(a,e,t){var n=arguments.length>3&&arguments[3]!==void 0?arguments[3]:Ic,r=e.canvas,i=r.width,o=r.height,s=t.x,l=t.y,d=t.rowHeight,u=t.maxRowWidth,c={},g=[],f=O(a),h;try{for(f.s();!(h=f.n()).done;){var m=h.value,v=m.width+n,p=m.height+n;if(v>i||p>o||s+v>i&&l+d+p>o){g.push(m);continue}s+v>i&&(u=Math.max(u,s),s=0,l+=d,d=p),m.draw(e,s,l),c[m.key]={x:s,y:l,width:m.width,height:m.height},s+=v,d=Math.max(d,p)}}catch(y){f.e(y)}finally{f.f()}return u=Math.max(u,s),{atlas:c,cursor:{x:s,y:l,rowHeight:d,maxRowWidth:u},remaining:g}}function be(a,e,t,n){var r=Object.defineProperty;try{r({},"",{})}catch{r=0}be=function(i,o,s,l){function d(u,c){be(i,u,function(g){return this._invoke(u,c,g)})}o?r?r(i,o,{value:s,enumerable:!l,configurable:!l,writable:!l}):i[o]=s:(d("next",0),d("throw",1),d("return",2))},be(a,e,t,n)}function xe(){var a,e,t=typeof Symbol=="function"?Symbol:{},n=t.iterator||"@@iterator",r=t.toStringTag||"@@toStringTag";function i(f,h,m,v){var p=h&&h.prototype instanceof s?h:s,y=Object.create(p.prototype);return be(y,"_invoke",(function(b,_,x){var T,w,E,C=0,R=x||[],I=!1,A={p:0,n:0,v:a,a:P,f:P.bind(a,4),d:function(D,F){return T=D,w=0,E=a,A.n=F,o}};function P(D,F){for(w=D,E=F,e=0;!I&&C&&!z&&e<R.length;e++){var z,G=R[e],L=A.p,k=G[2];D>3?(z=k===F)&&(E=G[(w=G[4])?5:(w=3,3)],G[4]=G[5]=a):G[0]<=L&&((z=D<2&&L<G[1])?(w=0,A.v=F,A.n=G[1]):L<k&&(z=D<3||G[0]>F||F>k)&&(G[4]=D,G[5]=F,A.n=k,w=0))}if(z||D>1)return o;throw I=!0,F}return function(D,F,z){if(C>1)throw TypeError("Generator is already running");for(I&&F===1&&P(F,z),w=F,E=z;(e=w<2?a:E)||!I;){T||(w?w<3?(w>1&&(A.n=-1),P(w,E)):A.n=E:A.v=E);try{if(C=2,T){if(w||(D="next"),e=T[D]){if(!(e=e.call(T,E)))throw TypeError("iterator result is not an object");if(!e.done)return e;E=e.value,w<2&&(w=0)}else w===1&&(e=T.return)&&e.call(T),w<2&&(E=TypeError("The iterator does not provide a '"+D+"' method"),w=1);T=a}else if((e=(I=A.n<0)?E:b.call(_,A))!==o)break}catch(G){T=a,w=1,E=G}finally{C=1}}return{value:e,done:I}}})(f,m,v),!0),y}var o={};function s(){}function l(){}function d(){}e=Object.getPrototypeOf;var u=[][n]?e(e([][n]())):(be(e={},n,function(){return this}),e),c=d.prototype=s.prototype=Object.create(u);function g(f){return Object.setPrototypeOf?Object.setPrototypeOf(f,d):(f.__proto__=d,be(f,r,"GeneratorFunction")),f.prototype=Object.create(c),f}return l.prototype=d,be(c,"constructor",d),be(d,"constructor",l),l.displayName="GeneratorFunction",be(d,r,"GeneratorFunction"),be(c),be(c,r,"Generator"),be(c,n,function(){return this}),be(c,"toString",function(){return"[object Generator]"}),(xe=function(){return{w:i,m:g}})()}function Mo(a,e,t,n,r,i,o){try{var s=a[i](o),l=s.value}catch(d){return void t(d)}s.done?e(l):Promise.resolve(l).then(n,r)}function Wt(a){return function(){var e=this,t=arguments;return new Promise(function(n,r){var i=a.apply(e,t);function o(l){Mo(i,n,r,o,s,"next",l)}function s(l){Mo(i,n,r,o,s,"throw",l)}o(void 0)})}}var va=new Map,Oo=!1;function Nc(a){return new Promise(function(e,t){var n=new FileReader;n.onload=function(){return e(n.result)},n.onerror=t,n.readAsDataURL(a)})}function Gc(a){if(!va.has(a)){var e=fetch(a).then(function(t){return t.blob()}).then(Nc).catch(function(){return va.delete(a),null});va.set(a,e)}return va.get(a)}function zc(a){return br.apply(this,arguments)}function br(){return br=Wt(xe().m(function a(e){var t,n,r;return xe().w(function(i){for(;;)switch(i.n){case 0:return t=document.createElement("div"),t.innerHTML=e,n=Array.from(t.querySelectorAll("img[src]")),r=n.filter(function(o){return!o.getAttribute("src").startsWith("data:")}),i.n=1,Promise.all(r.map((function(){var o=Wt(xe().m(function s(l){var d;return xe().w(function(u){for(;;)switch(u.n){case 0:return u.n=1,Gc(l.getAttribute("src"));case 1:d=u.v,d&&l.setAttribute("src",d);case 2:return u.a(2)}},s)}));return function(s){return o.apply(this,arguments)}})()));case 1:return i.a(2,t.innerHTML)}},a)})),br.apply(this,arguments)}function Bo(a){return xr.apply(this,arguments)}function xr(){return xr=Wt(xe().m(function a(e){var t,n,r,i,o,s,l,d,u,c,g,f,h,m=arguments;return xe().w(function(v){for(;;)switch(v.n){case 0:if(t=m.length>1&&m[1]!==void 0?m[1]:1,n=e instanceof SVGElement?new XMLSerializer().serializeToString(e):e,r=new DOMParser,i=r.parseFromString(n,"image/svg+xml"),o=i.querySelector("svg"),o){v.n=1;break}return v.a(2,null);case 1:if(s=parseFloat(o.getAttribute("width")||""),l=parseFloat(o.getAttribute("height")||""),(!(s>0)||!(l>0))&&(d=o.getAttribute("viewBox"),d&&(u=d.trim().split(/[\s,]+/),s=parseFloat(u[2]),l=parseFloat(u[3]))),!(!(s>0)||!(l>0))){v.n=2;break}return console.warn("Sigma: SVG label attachment has no parseable dimensions — skipped."),v.a(2,null);case 2:return c=Math.ceil(s*t),g=Math.ceil(l*t),f=new Blob([n],{type:"image/svg+xml"}),h=URL.createObjectURL(f),v.a(2,new Promise(function(p){var y=new Image;y.onload=function(){var b=document.createElement("canvas");b.width=c,b.height=g,b.getContext("2d").drawImage(y,0,0,c,g),URL.revokeObjectURL(h);try{b.getContext("2d").getImageData(0,0,1,1)}catch(_){if(_ instanceof DOMException&&_.name==="SecurityError"){Oo||(Oo=!0,console.warn('Sigma: A label attachment was skipped because the rendered canvas is tainted. SVG with <foreignObject> (used by the "html" attachment type) is blocked in Chromium and Safari. Use type: "canvas" with Canvas 2D rendering instead.')),p(null);return}throw _}p(b)},y.onerror=function(){URL.revokeObjectURL(h),p(null)},y.src=h}))}},a)})),xr.apply(this,arguments)}function Mc(a,e){var t=document.createElement("div");t.style.cssText="position:fixed;left:-99999px;top:0;visibility:hidden;width:max-content;height:max-content",t.innerHTML=(e?"<style>".concat(e,"</style>"):"")+a,document.body.appendChild(t);var n=t.getBoundingClientRect(),r=n.width,i=n.height;return document.body.removeChild(t),{width:Math.ceil(r),height:Math.ceil(i)}}function Oc(a,e,t,n){return _r.apply(this,arguments)}function _r(){return _r=Wt(xe().m(function a(e,t,n,r){var i,o,s,l,d,u,c,g,f=arguments;return xe().w(function(h){for(;;)switch(h.n){case 0:return i=f.length>4&&f[4]!==void 0?f[4]:1,o=e instanceof HTMLElement?e.outerHTML:e,h.n=1,zc(o);case 1:return s=h.v,(n==null||r==null)&&(l=Mc(s,t),n=n??l.width,r=r??l.height),d=Math.ceil(n*i),u=Math.ceil(r*i),c=t?"<style>".concat(t,"</style>"):"",g='<svg xmlns="http://www.w3.org/2000/svg" '+'width="'.concat(d,'" height="').concat(u,'" viewBox="0 0 ').concat(n," ").concat(r,'">')+'<foreignObject width="'.concat(n,'" height="').concat(r,'">')+'<body xmlns="http://www.w3.org/1999/xhtml" style="margin:0;padding:0">'.concat(c).concat(s,"</body>")+"</foreignObject></svg>",h.a(2,Bo(g,1))}},a)})),_r.apply(this,arguments)}function Bc(a){return Tr.apply(this,arguments)}function Tr(){return Tr=Wt(xe().m(function a(e){var t,n=arguments,r;return xe().w(function(i){for(;;)switch(i.n){case 0:t=n.length>1&&n[1]!==void 0?n[1]:1,r=e.type,i.n=r==="canvas"?1:r==="svg"?2:r==="html"?3:4;break;case 1:return i.a(2,e.canvas);case 2:return i.a(2,Bo(e.svg,t));case 3:return i.a(2,Oc(e.html,e.css,e.width,e.height,t));case 4:return i.a(2)}},a)})),Tr.apply(this,arguments)}var Bt=2048,Wo=(function(){function a(e,t,n){ee(this,a),S(this,"cache",new Map),S(this,"pending",new Set),S(this,"atlas",{}),S(this,"glTexture",null),S(this,"dirty",!0),this.gl=e,this.renderers=t,this.scheduleRender=n,this.packCanvas=document.createElement("canvas"),this.packCanvas.width=Bt,this.packCanvas.height=Bt,this.packCtx=this.packCanvas.getContext("2d")}return te(a,[{key:"renderAttachment",value:function(t,n,r){var i=this,o="".concat(t,":").concat(n);if(!(this.cache.has(o)||this.pending.has(o))){var s=this.renderers[n];if(s){var l=s(r);if(l){this.pending.add(o);var d=r.pixelRatio;Promise.resolve(l).then((function(){var u=Wt(xe().m(function c(g){var f;return xe().w(function(h){for(;;)switch(h.n){case 0:if(i.pending.has(o)){h.n=1;break}return h.a(2);case 1:if(i.pending.delete(o),g){h.n=2;break}return h.a(2);case 2:return h.n=3,Bc(g,d);case 3:if(f=h.v,!(!f||f.width===0||f.height===0)){h.n=4;break}return h.a(2);case 4:i.cache.set(o,{image:f,width:f.width,height:f.height}),i.dirty=!0,i.scheduleRender();case 5:return h.a(2)}},c)}));return function(c){return u.apply(this,arguments)}})())}}}}},{key:"regenerateAtlas",value:function(){if(this.dirty){this.dirty=!1;var t=[];if(this.cache.forEach(function(d,u){t.push({key:u,width:d.width,height:d.height,draw:function(g,f,h){g.drawImage(d.image,f,h)}})}),t.length===0){this.atlas={},this.deleteGLTexture();return}var n={x:0,y:0,rowHeight:0,maxRowWidth:0};this.packCtx.clearRect(0,0,Bt,Bt);var r=zo(t,this.packCtx,n),i=r.atlas,o=r.remaining;this.atlas=i,o.length>0&&console.warn("Sigma: ".concat(o.length," label attachment(s) could not fit in the ").concat(Bt,"x").concat(Bt," atlas and will not be rendered.")),this.deleteGLTexture();var s=this.gl,l=s.createTexture();s.activeTexture(s.TEXTURE0+bn),s.bindTexture(s.TEXTURE_2D,l),s.pixelStorei(s.UNPACK_PREMULTIPLY_ALPHA_WEBGL,!0),s.texImage2D(s.TEXTURE_2D,0,s.RGBA,s.RGBA,s.UNSIGNED_BYTE,this.packCanvas),s.pixelStorei(s.UNPACK_PREMULTIPLY_ALPHA_WEBGL,!1),s.texParameteri(s.TEXTURE_2D,s.TEXTURE_MIN_FILTER,s.LINEAR),s.texParameteri(s.TEXTURE_2D,s.TEXTURE_MAG_FILTER,s.LINEAR),s.texParameteri(s.TEXTURE_2D,s.TEXTURE_WRAP_S,s.CLAMP_TO_EDGE),s.texParameteri(s.TEXTURE_2D,s.TEXTURE_WRAP_T,s.CLAMP_TO_EDGE),this.glTexture=l}}},{key:"bindTexture",value:function(t){if(this.glTexture){var n=this.gl;n.activeTexture(n.TEXTURE0+t),n.bindTexture(n.TEXTURE_2D,this.glTexture)}}},{key:"getEntry",value:function(t,n){var r="".concat(t,":").concat(n);return this.atlas[r]||null}},{key:"invalidateNode",value:function(t){var n="".concat(t,":"),r=O(this.cache.keys()),i;try{for(r.s();!(i=r.n()).done;){var o=i.value;o.startsWith(n)&&(this.cache.delete(o),this.dirty=!0)}}catch(u){r.e(u)}finally{r.f()}var s=O(this.pending),l;try{for(s.s();!(l=s.n()).done;){var d=l.value;d.startsWith(n)&&this.pending.delete(d)}}catch(u){s.e(u)}finally{s.f()}}},{key:"restore",value:function(){this.glTexture=null,this.dirty=!0}},{key:"clear",value:function(){this.cache.clear(),this.pending.clear(),this.atlas={},this.dirty=!0,this.deleteGLTexture()}},{key:"kill",value:function(){this.clear(),this.packCanvas=null,this.packCtx=null,this.gl=null}},{key:"deleteGLTexture",value:function(){this.glTexture&&(this.gl.deleteTexture(this.glTexture),this.glTexture=null)}}])})(),Sr=(function(){function a(e){ee(this,a),S(this,"buckets",new Map),S(this,"keyDepth",new Map);var t=O(e),n;try{for(t.s();!(n=t.n()).done;){var r=n.value;this.buckets.set(r,new Set)}}catch(i){t.e(i)}finally{t.f()}}return te(a,[{key:"has",value:function(t){return this.keyDepth.has(t)}},{key:"getBucket",value:function(t){return this.buckets.get(t)}},{key:"set",value:function(t,n){var r,i=this.keyDepth.get(t);if(i!==n){var o=this.buckets.get(n);if(!o)throw new Error('Sigma: "'.concat(n,'" is not a declared depth layer'));i!==void 0&&((r=this.buckets.get(i))===null||r===void 0||r.delete(t)),o.add(t),this.keyDepth.set(t,n)}}},{key:"remove",value:function(t){var n=this.keyDepth.get(t);n!==void 0&&(this.buckets.get(n).delete(t),this.keyDepth.delete(t))}},{key:"clearAll",value:function(){var t=O(this.buckets.values()),n;try{for(t.s();!(n=t.n()).done;){var r=n.value;r.clear()}}catch(i){t.e(i)}finally{t.f()}this.keyDepth.clear()}},{key:"getSorted",value:function(t,n){var r=this.buckets.get(t);return!r||r.size===0?[]:q(r).sort(function(i,o){return n(i)-n(o)})}}])})(),Uo=(function(a){function e(t,n){return ee(this,e),se(this,e,[t,2,n])}return le(e,a),te(e,[{key:"updateNode",value:function(n,r,i,o,s,l,d,u){var c=this.indexMap.get(n);if(c===void 0)throw new Error('Node "'.concat(n,'" not allocated in NodeDataTexture'));var g=Ke(u),f=ae(g,4),h=f[0],m=f[1],v=f[2],p=f[3],y=c*2*4;this.data[y]=r,this.data[y+1]=i,this.data[y+2]=o,this.data[y+3]=s,this.data[y+4]=l,this.data[y+5]=d,this.data[y+6]=h*65536+m*256+v,this.data[y+7]=p/255,this.markDirty(c)}}])})(ca),Wc=1024,Uc=1.5,$c=4096,Er=(function(){function a(e,t){var n;if(ee(this,a),S(this,"texture",null),S(this,"framebuffer",null),!e.getExtension("EXT_color_buffer_float"))throw new Error("sigma: EXT_color_buffer_float is required for label/edge placement but is unavailable in this WebGL2 context.");this.gl=e,this.channels=t.channels,this.capacity=this.roundUpToPowerOfTwo((n=t.initialCapacity)!==null&&n!==void 0?n:Wc);var r=this.computeDimensions(this.capacity);this.textureWidth=r.width,this.textureHeight=r.height,this.create()}return te(a,[{key:"roundUpToPowerOfTwo",value:function(t){return Math.pow(2,Math.ceil(Math.log2(Math.max(1,t))))}},{key:"computeDimensions",value:function(t){var n=Math.min(t,$c),r=Math.ceil(t/n);return{width:n,height:r}}},{key:"create",value:function(){var t=this.gl,n=this.channels===1?t.R32F:t.RGBA32F,r=this.channels===1?t.RED:t.RGBA;if(this.texture=t.createTexture(),t.activeTexture(t.TEXTURE0),t.bindTexture(t.TEXTURE_2D,this.texture),t.texImage2D(t.TEXTURE_2D,0,n,this.textureWidth,this.textureHeight,0,r,t.FLOAT,null),t.texParameteri(t.TEXTURE_2D,t.TEXTURE_MIN_FILTER,t.NEAREST),t.texParameteri(t.TEXTURE_2D,t.TEXTURE_MAG_FILTER,t.NEAREST),t.texParameteri(t.TEXTURE_2D,t.TEXTURE_WRAP_S,t.CLAMP_TO_EDGE),t.texParameteri(t.TEXTURE_2D,t.TEXTURE_WRAP_T,t.CLAMP_TO_EDGE),this.framebuffer=t.createFramebuffer(),t.bindFramebuffer(t.FRAMEBUFFER,this.framebuffer),t.framebufferTexture2D(t.FRAMEBUFFER,t.COLOR_ATTACHMENT0,t.TEXTURE_2D,this.texture,0),t.checkFramebufferStatus(t.FRAMEBUFFER)!==t.FRAMEBUFFER_COMPLETE)throw new Error("sigma: float framebuffer for frame-pass placement is incomplete.");t.bindFramebuffer(t.FRAMEBUFFER,null),t.bindTexture(t.TEXTURE_2D,null)}},{key:"ensureCapacity",value:function(t){if(!(t<=this.capacity)){var n=this.gl;this.capacity=this.roundUpToPowerOfTwo(Math.ceil(t*Uc));var r=this.computeDimensions(this.capacity);this.textureWidth=r.width,this.textureHeight=r.height,this.texture&&n.deleteTexture(this.texture),this.framebuffer&&n.deleteFramebuffer(this.framebuffer),this.create()}}},{key:"bindAsRenderTarget",value:function(){var t=this.gl;t.bindFramebuffer(t.FRAMEBUFFER,this.framebuffer),t.viewport(0,0,this.textureWidth,this.textureHeight)}},{key:"bind",value:function(t){var n=this.gl;n.activeTexture(n.TEXTURE0+t),n.bindTexture(n.TEXTURE_2D,this.texture)}},{key:"getTexture",value:function(){return this.texture}},{key:"getTextureWidth",value:function(){return this.textureWidth}},{key:"getTextureHeight",value:function(){return this.textureHeight}},{key:"restore",value:function(){this.gl.getExtension("EXT_color_buffer_float"),this.create()}},{key:"kill",value:function(){var t=this.gl;this.texture&&(t.deleteTexture(this.texture),this.texture=null),this.framebuffer&&(t.deleteFramebuffer(this.framebuffer),this.framebuffer=null)}}])})(),$o=(function(a){function e(t,n){return ee(this,e),se(this,e,[t,2,n])}return le(e,a),te(e,[{key:"updateEdge",value:function(n,r,i,o,s,l){var d=arguments.length>6&&arguments[6]!==void 0?arguments[6]:0,u=arguments.length>7&&arguments[7]!==void 0?arguments[7]:0,c=arguments.length>8&&arguments[8]!==void 0?arguments[8]:0,g=this.indexMap.get(n);if(g===void 0)throw new Error('Edge "'.concat(n,'" not allocated in EdgeDataTexture'));var f=g*this.TEXELS_PER_ITEM*4;this.data[f+0]=r,this.data[f+1]=i,this.data[f+2]=o,this.data[f+3]=0,this.data[f+4]=s,this.data[f+5]=l,this.data[f+6]=d,this.data[f+7]=(u&15)<<4|c&15,this.markDirty(g)}}])})(ca);var ig=rt(St()),og=rt(rr());function Hc(a,e){if(a==null)return{};var t={};for(var n in a)if({}.hasOwnProperty.call(a,n)){if(e.indexOf(n)!==-1)continue;t[n]=a[n]}return t}function Ho(a,e){if(a==null)return{};var t,n,r=Hc(a,e);if(Object.getOwnPropertySymbols){var i=Object.getOwnPropertySymbols(a);for(n=0;n<i.length;n++)t=i[n],e.indexOf(t)===-1&&{}.propertyIsEnumerable.call(a,t)&&(r[t]=a[t])}return r}var Vc=["factor"],jc=["factor"],Vo=1.5,wr={x:.5,y:.5,angle:0,ratio:1},jo=(function(a){function e(){var t;ee(this,e);for(var n=arguments.length,r=new Array(n),i=0;i<n;i++)r[i]=arguments[i];return t=se(this,e,[].concat(r)),S(t,"minRatio",null),S(t,"maxRatio",null),S(t,"enabled",!0),S(t,"enabledZooming",!0),S(t,"enabledPanning",!0),S(t,"enabledRotation",!0),S(t,"constrainState",null),S(t,"state",B({},wr)),S(t,"previousState",B({},wr)),S(t,"nextFrame",null),S(t,"currentAnimationFrom",null),S(t,"currentAnimationTo",null),S(t,"animationCallback",null),t}return le(e,a),te(e,[{key:"x",get:function(){return this.state.x}},{key:"y",get:function(){return this.state.y}},{key:"angle",get:function(){return this.state.angle}},{key:"ratio",get:function(){return this.state.ratio}},{key:"getState",value:function(){return B({},this.state)}},{key:"getPreviousState",value:function(){return B({},this.previousState)}},{key:"getBoundedRatio",value:function(n){var r=n;return typeof this.minRatio=="number"&&(r=Math.max(r,this.minRatio)),typeof this.maxRatio=="number"&&(r=Math.min(r,this.maxRatio)),r}},{key:"validateState",value:function(n){var r=this.getState();return this.enabledPanning&&typeof n.x=="number"&&(r.x=n.x),this.enabledPanning&&typeof n.y=="number"&&(r.y=n.y),this.enabledZooming&&typeof n.ratio=="number"&&(r.ratio=this.getBoundedRatio(n.ratio)),this.enabledRotation&&typeof n.angle=="number"&&(r.angle=n.angle),this.constrainState?this.constrainState(r):r}},{key:"isAnimating",value:function(){return this.nextFrame!==null}},{key:"setState",value:function(n){if(!this.enabled)return this;var r=this.validateState(n);return Ki(this.state,r)?this:(this.previousState=this.state,this.state=r,this.emit("updated",this.getState()),this)}},{key:"updateState",value:function(n){return this.setState(n(this.getState())),this}},{key:"animate",value:function(n,r){var i=this;return this.enabled?new Promise(function(o){return i.runAnimation(n,B(B({},Qi),r),o)}):Promise.resolve()}},{key:"cancelAnimation",value:function(){return this.nextFrame!==null&&(cancelAnimationFrame(this.nextFrame),this.nextFrame=null),this.resolveAnimation(),this.emitAnimationEnd(!1),this}},{key:"zoomIn",value:function(){var n=arguments.length>0&&arguments[0]!==void 0?arguments[0]:{},r=n.factor,i=r===void 0?Vo:r,o=Ho(n,Vc);return this.animate({ratio:this.ratio/i},o)}},{key:"zoomOut",value:function(){var n=arguments.length>0&&arguments[0]!==void 0?arguments[0]:{},r=n.factor,i=r===void 0?Vo:r,o=Ho(n,jc);return this.animate({ratio:this.ratio*i},o)}},{key:"reset",value:function(n){return this.animate(wr,n)}},{key:"runAnimation",value:function(n,r,i){var o=this,s=Xn(r.easing),l=Date.now(),d=this.getState(),u=this.validateState(n),c=function(){if(!o.enabled){o.cancelAnimation();return}var f=r.duration>0?(Date.now()-l)/r.duration:1;if(f>=1){o.nextFrame=null,o.setState(u),o.resolveAnimation(),o.emitAnimationEnd(!0);return}var h=s(f);o.setState({x:d.x+(u.x-d.x)*h,y:d.y+(u.y-d.y)*h,angle:d.angle+(u.angle-d.angle)*h,ratio:d.ratio+(u.ratio-d.ratio)*h}),o.nextFrame=requestAnimationFrame(c)};this.cancelAnimation(),this.currentAnimationFrom=d,this.currentAnimationTo=u,this.animationCallback=i,this.emit("animationStart",{from:d,to:u}),c()}},{key:"resolveAnimation",value:function(){var n=this.animationCallback;this.animationCallback=null,n&&n()}},{key:"emitAnimationEnd",value:function(n){var r=this.currentAnimationFrom,i=this.currentAnimationTo;!r||!i||(this.currentAnimationFrom=null,this.currentAnimationTo=null,this.emit("animationEnd",{from:r,to:i,completed:n}))}}],[{key:"from",value:function(n){var r=new e;return r.setState(n)}}])})(Qn);function _e(a,e){var t=e.getBoundingClientRect();return{x:a.clientX-t.left,y:a.clientY-t.top}}function Be(a,e){var t=B(B({},_e(a,e)),{},{sigmaDefaultPrevented:!1,preventSigmaDefault:function(){t.sigmaDefaultPrevented=!0},original:a});return t}function ct(a){var e="x"in a?a:B(B({},a.touches[0]||a.previousTouches[0]),{},{original:a.original,sigmaDefaultPrevented:a.sigmaDefaultPrevented,preventSigmaDefault:function(){a.sigmaDefaultPrevented=!0,e.sigmaDefaultPrevented=!0}});return e}function qc(a,e){var t=Be(a,e);return t.delta=ss(a),t}var Xc=2;function ya(a){for(var e=[],t=0,n=Math.min(a.length,Xc);t<n;t++)e.push(a[t]);return e}function _n(a,e,t){var n={touches:ya(a.touches).map(function(r){return _e(r,t)}),previousTouches:e.map(function(r){return _e(r,t)}),sigmaDefaultPrevented:!1,preventSigmaDefault:function(){n.sigmaDefaultPrevented=!0},original:a};return n}function ss(a){if(typeof a.deltaY<"u")return a.deltaY*-3/360;if(typeof a.detail<"u")return a.detail/-9;throw new Error("Captor: could not extract delta from event.")}var ls=(function(a){function e(t,n){var r;return ee(this,e),r=se(this,e),r.container=t,r.renderer=n,r}return le(e,a),te(e)})(Qn),Kc=["doubleClickTimeout","doubleClickZoomingDuration","doubleClickZoomingRatio","dragTimeout","draggedEventsTolerance","enableCameraMouseRotation","gestureTarget","inertiaDuration","inertiaRatio","zoomDuration","zoomingRatio"],Yc=Kc.reduce(function(a,e){return B(B({},a),{},S({},e,ta[e]))},{});function Tn(a){return a instanceof PointerEvent&&a.pointerType==="touch"}var Zc=(function(a){function e(t,n){var r;return ee(this,e),r=se(this,e,[t,n]),S(r,"enabled",!0),S(r,"draggedEvents",0),S(r,"downStartTime",null),S(r,"lastMouseX",null),S(r,"lastMouseY",null),S(r,"isMouseDown",!1),S(r,"isMoving",!1),S(r,"isPanningStage",!1),S(r,"movingTimeout",null),S(r,"startCameraState",null),S(r,"clicks",0),S(r,"doubleClickTimeout",null),S(r,"isRightMouseDown",!1),S(r,"startRotationAngle",null),S(r,"startCameraAngle",null),S(r,"currentWheelDirection",0),S(r,"lastWheelAnimationId",0),S(r,"settings",Yc),r.handleRightClick=r.handleRightClick.bind(r),r.handleDown=r.handleDown.bind(r),r.handleUp=r.handleUp.bind(r),r.handleMove=r.handleMove.bind(r),r.handleWheel=r.handleWheel.bind(r),r.handleLeave=r.handleLeave.bind(r),r.handleEnter=r.handleEnter.bind(r),t.addEventListener("contextmenu",r.handleRightClick,{capture:!1}),t.addEventListener("pointerdown",r.handleDown,{capture:!1}),t.addEventListener("wheel",r.handleWheel,{capture:!1,passive:!1}),t.addEventListener("pointerleave",r.handleLeave,{capture:!1}),t.addEventListener("pointerenter",r.handleEnter,{capture:!1}),document.addEventListener("pointermove",r.handleMove,{capture:!1}),document.addEventListener("pointerup",r.handleUp,{capture:!1}),r}return le(e,a),te(e,[{key:"kill",value:function(){var n=this.container;n.removeEventListener("contextmenu",this.handleRightClick),n.removeEventListener("pointerdown",this.handleDown),n.removeEventListener("wheel",this.handleWheel),n.removeEventListener("pointerleave",this.handleLeave),n.removeEventListener("pointerenter",this.handleEnter),document.removeEventListener("pointermove",this.handleMove),document.removeEventListener("pointerup",this.handleUp)}},{key:"handleClick",value:function(n){var r=this;if(this.enabled){if(this.clicks++,this.clicks===2)return this.clicks=0,typeof this.doubleClickTimeout=="number"&&(clearTimeout(this.doubleClickTimeout),this.doubleClickTimeout=null),this.handleDoubleClick(n);setTimeout(function(){r.clicks=0,r.doubleClickTimeout=null},this.settings.doubleClickTimeout),this.draggedEvents<this.settings.draggedEventsTolerance&&this.emit("click",Be(n,this.container))}}},{key:"handleRightClick",value:function(n){this.enabled&&(this.settings.enableCameraMouseRotation&&n.preventDefault(),this.emit("rightClick",Be(n,this.container)))}},{key:"handleDoubleClick",value:function(n){if(this.enabled){n.preventDefault(),n.stopPropagation();var r=Be(n,this.container);if(this.emit("doubleClick",r),!r.sigmaDefaultPrevented){var i=this.renderer.getCamera(),o=i.getBoundedRatio(i.getState().ratio/this.settings.doubleClickZoomingRatio);i.animate(this.renderer.getViewportZoomedState(_e(n,this.container),o),{easing:"quadraticInOut",duration:this.settings.doubleClickZoomingDuration})}}}},{key:"handleDown",value:function(n){if(!(!this.enabled||Tn(n))){if(n.button===0){this.startCameraState=this.renderer.getCamera().getState();var r=_e(n,this.container),i=r.x,o=r.y;this.lastMouseX=i,this.lastMouseY=o,this.draggedEvents=0,this.downStartTime=Date.now(),this.isMouseDown=!0}if(n.button===2&&this.settings.enableCameraMouseRotation){var s=_e(n,this.container),l=s.x,d=s.y,u=this.container.offsetWidth/2,c=this.container.offsetHeight/2;this.startRotationAngle=Math.atan2(d-c,l-u),this.startCameraAngle=this.renderer.getCamera().getState().angle,this.isRightMouseDown=!0}this.emit("mousedown",Be(n,this.container))}}},{key:"handleUp",value:function(n){var r=this;if(!(!this.enabled||Tn(n)||!this.isMouseDown&&!this.isRightMouseDown)){if(this.isRightMouseDown){this.isRightMouseDown=!1,this.startRotationAngle=null,this.startCameraAngle=null,this.emit("mouseup",Be(n,this.container));return}var i=this.renderer.getCamera();this.isMouseDown=!1,this.isPanningStage&&(this.isPanningStage=!1,this.renderer._setPanning(!1)),typeof this.movingTimeout=="number"&&(clearTimeout(this.movingTimeout),this.movingTimeout=null);var o=_e(n,this.container),s=o.x,l=o.y,d=i.getState(),u=i.getPreviousState();this.isMoving?i.animate({x:d.x+this.settings.inertiaRatio*(d.x-u.x),y:d.y+this.settings.inertiaRatio*(d.y-u.y)},{duration:this.settings.inertiaDuration,easing:"quadraticOut"}):(this.lastMouseX!==s||this.lastMouseY!==l)&&i.setState({x:d.x,y:d.y}),this.isMoving=!1,setTimeout(function(){var c=r.draggedEvents>0;r.draggedEvents=0;var g=r.renderer.getSetting("hideEdgesOnMove")||r.renderer.getSetting("hideLabelsOnMove");c&&g&&r.renderer.refresh()},0),this.emit("mouseup",Be(n,this.container)),(n.target===this.container||n.composedPath()[0]===this.container)&&this.handleClick(n)}}},{key:"handleMove",value:function(n){var r=this;if(!(!this.enabled||Tn(n))){var i=Be(n,this.container);if(this.emit("mousemovebody",i),(n.target===this.container||n.composedPath()[0]===this.container)&&this.emit("mousemove",i),this.isMouseDown&&this.draggedEvents++,!i.sigmaDefaultPrevented){if(this.isMouseDown){this.isMoving=!0,typeof this.movingTimeout=="number"&&clearTimeout(this.movingTimeout),this.movingTimeout=window.setTimeout(function(){r.movingTimeout=null,r.isMoving=!1},this.settings.dragTimeout);var o=this.renderer.getCamera(),s=_e(n,this.container),l=s.x,d=s.y,u=this.renderer.viewportToFramedGraph({x:this.lastMouseX,y:this.lastMouseY}),c=this.renderer.viewportToFramedGraph({x:l,y:d}),g=u.x-c.x,f=u.y-c.y,h=o.getState(),m=h.x+g,v=h.y+f;this.isPanningStage||(this.isPanningStage=!0,this.renderer._setPanning(!0)),o.setState({x:m,y:v}),this.lastMouseX=l,this.lastMouseY=d,n.preventDefault(),n.stopPropagation()}if(this.isRightMouseDown){var p=_e(n,this.container),y=p.x,b=p.y,_=this.container.offsetWidth/2,x=this.container.offsetHeight/2,T=Math.atan2(b-x,y-_),w=T-this.startRotationAngle,E=this.renderer.getCamera();E.setState({angle:this.startCameraAngle+w}),n.preventDefault(),n.stopPropagation()}}}}},{key:"handleLeave",value:function(n){Tn(n)||this.emit("mouseleave",Be(n,this.container))}},{key:"handleEnter",value:function(n){Tn(n)||this.emit("mouseenter",Be(n,this.container))}},{key:"handleWheel",value:function(n){var r=this,i=this.renderer.getCamera();if(!(!this.enabled||!i.enabledZooming)){var o=qc(n,this.container);if(this.emit("wheel",o),!o.sigmaDefaultPrevented){var s=this.settings.gestureTarget;if(s!=="page"){if(s==="shared"&&!n.ctrlKey&&!n.metaKey){this.renderer._showGestureHint("wheel");return}var l=ss(n);if(l){n.preventDefault(),n.stopPropagation();var d=i.getState().ratio,u=l>0?1/this.settings.zoomingRatio:this.settings.zoomingRatio,c=i.getBoundedRatio(d*u),g=l>0?1:-1,f=Date.now();if(d!==c&&!(this.currentWheelDirection===g&&this.lastWheelTriggerTime&&f-this.lastWheelTriggerTime<this.settings.zoomDuration/5)){var h=++this.lastWheelAnimationId;i.animate(this.renderer.getViewportZoomedState(_e(n,this.container),c),{easing:"quadraticOut",duration:this.settings.zoomDuration}).then(function(){r.lastWheelAnimationId===h&&(r.currentWheelDirection=0)}),this.currentWheelDirection=g,this.lastWheelTriggerTime=f}}}}}}},{key:"setSettings",value:function(n){this.settings=n}}])})(ls),Qc=["dragTimeout","gestureTarget","inertiaDuration","inertiaRatio","doubleClickTimeout","doubleClickZoomingRatio","doubleClickZoomingDuration","tapMoveTolerance"],Jc=Qc.reduce(function(a,e){return B(B({},a),{},S({},e,ta[e]))},{}),eh=(function(a){function e(t,n){var r;return ee(this,e),r=se(this,e,[t,n]),S(r,"enabled",!0),S(r,"isMoving",!1),S(r,"hasMoved",!1),S(r,"isPanningStage",!1),S(r,"isZoomingStage",!1),S(r,"touchMode",0),S(r,"startTouchesPositions",[]),S(r,"lastTouches",[]),S(r,"lastTap",null),S(r,"settings",Jc),r.handleStart=r.handleStart.bind(r),r.handleLeave=r.handleLeave.bind(r),r.handleMove=r.handleMove.bind(r),t.addEventListener("touchstart",r.handleStart,{capture:!1}),t.addEventListener("touchcancel",r.handleLeave,{capture:!1}),document.addEventListener("touchend",r.handleLeave,{capture:!1,passive:!1}),document.addEventListener("touchmove",r.handleMove,{capture:!1,passive:!1}),r}return le(e,a),te(e,[{key:"kill",value:function(){var n=this.container;n.removeEventListener("touchstart",this.handleStart),n.removeEventListener("touchcancel",this.handleLeave),document.removeEventListener("touchend",this.handleLeave),document.removeEventListener("touchmove",this.handleMove)}},{key:"getDimensions",value:function(){return{width:this.container.offsetWidth,height:this.container.offsetHeight}}},{key:"doesCapture",value:function(n){var r=this.settings.gestureTarget;return r==="graph"?!0:r==="page"?!1:n>=2}},{key:"syncStageFlags",value:function(){var n=this.touchMode===1&&this.hasMoved,r=this.touchMode===2;n!==this.isPanningStage&&(this.isPanningStage=n,this.renderer._setPanning(n)),r!==this.isZoomingStage&&(this.isZoomingStage=r,this.renderer._setZooming(r))}},{key:"handleStart",value:function(n){var r=this;if(this.enabled){var i=ya(n.touches);if(this.touchMode=i.length,this.startCameraState=this.renderer.getCamera().getState(),this.startTouchesPositions=i.map(function(f){return _e(f,r.container)}),this.touchMode===2){var o=ae(this.startTouchesPositions,2),s=o[0],l=s.x,d=s.y,u=o[1],c=u.x,g=u.y;this.startTouchesAngle=Math.atan2(g-d,c-l),this.startTouchesDistance=Math.sqrt(Math.pow(c-l,2)+Math.pow(g-d,2))}this.syncStageFlags(),this.emit("touchdown",_n(n,this.lastTouches,this.container)),this.lastTouches=i,this.lastTouchesPositions=this.startTouchesPositions,n.cancelable&&(this.doesCapture(n.touches.length)||this.renderer._hasNodeDrag())&&n.preventDefault()}}},{key:"handleLeave",value:function(n){if(!(!this.enabled||!this.startTouchesPositions.length)){switch(n.cancelable&&this.doesCapture(this.touchMode)&&n.preventDefault(),this.movingTimeout&&(this.isMoving=!1,clearTimeout(this.movingTimeout)),this.touchMode){case 2:if(n.touches.length===1){this.handleStart(n);break}case 1:if(this.isMoving){var r=this.renderer.getCamera(),i=r.getState(),o=r.getPreviousState();r.animate({x:i.x+this.settings.inertiaRatio*(i.x-o.x),y:i.y+this.settings.inertiaRatio*(i.y-o.y)},{duration:this.settings.inertiaDuration,easing:"quadraticOut"})}this.hasMoved=!1,this.isMoving=!1,this.touchMode=0;break}if(this.syncStageFlags(),this.emit("touchup",_n(n,this.lastTouches,this.container)),!n.touches.length){var s=_e(this.lastTouches[0],this.container),l=this.startTouchesPositions[0],d=Math.pow(s.x-l.x,2)+Math.pow(s.y-l.y,2);if(!n.touches.length&&d<Math.pow(this.settings.tapMoveTolerance,2))if(this.lastTap&&Date.now()-this.lastTap.time<this.settings.doubleClickTimeout){var u=_n(n,this.lastTouches,this.container);if(this.emit("doubletap",u),this.lastTap=null,!u.sigmaDefaultPrevented&&this.settings.gestureTarget!=="page"){var c=this.renderer.getCamera(),g=c.getBoundedRatio(c.getState().ratio/this.settings.doubleClickZoomingRatio);c.animate(this.renderer.getViewportZoomedState(s,g),{easing:"quadraticInOut",duration:this.settings.doubleClickZoomingDuration})}}else{var f=_n(n,this.lastTouches,this.container);this.emit("tap",f),this.lastTap={time:Date.now(),position:f.touches[0]||f.previousTouches[0]}}}this.lastTouches=ya(n.touches),this.startTouchesPositions=[]}}},{key:"handleMove",value:function(n){var r=this;if(!(!this.enabled||!this.startTouchesPositions.length)){var i=this.doesCapture(n.touches.length);i&&n.preventDefault();var o=ya(n.touches),s=o.map(function(V){return _e(V,r.container)}),l=this.lastTouches;this.lastTouches=o,this.lastTouchesPositions=s;var d=_n(n,l,this.container);if(this.emit("touchmove",d),!d.sigmaDefaultPrevented&&(this.hasMoved||(this.hasMoved=s.some(function(V,Q){var K=r.startTouchesPositions[Q];return K&&(V.x!==K.x||V.y!==K.y)})),!!this.hasMoved)){if(!i){this.settings.gestureTarget==="shared"&&this.renderer._showGestureHint("touch");return}this.isMoving=!0,this.syncStageFlags(),this.movingTimeout&&clearTimeout(this.movingTimeout),this.movingTimeout=window.setTimeout(function(){r.isMoving=!1},this.settings.dragTimeout);var u=this.renderer.getCamera(),c=this.startCameraState,g=this.renderer.getSetting("stagePadding");switch(this.touchMode){case 1:{var f=this.renderer.viewportToFramedGraph((this.startTouchesPositions||[])[0]),h=f.x,m=f.y,v=this.renderer.viewportToFramedGraph(s[0]),p=v.x,y=v.y;u.setState({x:c.x+h-p,y:c.y+m-y});break}case 2:{var b={x:.5,y:.5,angle:0,ratio:1},_=s[0],x=_.x,T=_.y,w=s[1],E=w.x,C=w.y,R=Math.atan2(C-T,E-x)-this.startTouchesAngle,I=Math.hypot(C-T,E-x)/this.startTouchesDistance,A=u.getBoundedRatio(c.ratio/I);b.ratio=A,b.angle=c.angle+R;var P=this.getDimensions(),D=this.renderer.viewportToFramedGraph((this.startTouchesPositions||[])[0],{cameraState:c}),F=Math.min(P.width,P.height)-2*g,z=F/P.width,G=F/P.height,L=A/F,k=x-F/2/z,M=T-F/2/G,j=Ua({x:k,y:M},b.angle);k=j.x,M=j.y,b.x=D.x-k*L,b.y=D.y+M*L,u.setState(b);break}}}}}},{key:"setSettings",value:function(n){this.settings=n}}])})(ls),th=(function(){function a(e,t,n,r){ee(this,a),S(this,"pendingNode",null),S(this,"session",null),this.graph=e,this.viewportToGraph=t,this.setNodesState=n,this.emit=r}return te(a,[{key:"start",value:function(t,n,r,i,o){var s=r(t),l=!1;if(this.emit("nodeDragStart",{node:t,allDraggedNodes:s,event:n,preventSigmaDefault:function(){l=!0}}),l)return!1;var d=new Map,u=O(s),c;try{for(u.s();!(c=u.n()).done;){var g=c.value;d.set(g,{x:this.graph.getNodeAttribute(g,i),y:this.graph.getNodeAttribute(g,o)})}}catch(f){u.e(f)}finally{u.f()}return this.session={node:t,allNodes:s,startPosition:this.viewportToGraph(n),startNodePositions:d,xAttr:i,yAttr:o},this.setNodesState(s,{isDragged:!0}),!0}},{key:"applyMove",value:function(t,n){var r=this.session,i=r.allNodes,o=r.startNodePositions,s=r.startPosition,l=r.xAttr,d=r.yAttr,u=this.viewportToGraph(t),c={x:u.x-s.x,y:u.y-s.y},g=O(i),f;try{for(g.s();!(f=g.n()).done;){var h=f.value,m=o.get(h);if(!(!m||!this.graph.hasNode(h))){var v={x:m.x+c.x,y:m.y+c.y};n?this.graph.mergeNodeAttributes(h,n(v,h)):(this.graph.setNodeAttribute(h,l,v.x),this.graph.setNodeAttribute(h,d,v.y))}}}catch(p){g.e(p)}finally{g.f()}}},{key:"end",value:function(){if(this.pendingNode=null,!this.session)return null;var t=this.session,n=t.node,r=t.allNodes;return this.setNodesState(r,{isDragged:!1}),this.session=null,{node:n,allNodes:r}}},{key:"removeNode",value:function(t){t===this.pendingNode&&(this.pendingNode=null),this.session&&(this.session.node===t?(this.setNodesState(this.session.allNodes,{isDragged:!1}),this.session=null):this.session.allNodes.includes(t)&&(this.session.allNodes=this.session.allNodes.filter(function(n){return n!==t}),this.session.startNodePositions.delete(t)))}},{key:"clear",value:function(){this.pendingNode=null,this.session=null}}])})();function qo(a,e){return a<e?"".concat(a,"\0").concat(e):"".concat(e,"\0").concat(a)}var nh=(function(){function a(e,t){ee(this,a),S(this,"groups",new Map),S(this,"edgeToGroupKey",new Map),this.graph=e,this.onGroupChanged=t}return te(a,[{key:"getGroupKey",value:function(t){return qo(this.graph.source(t),this.graph.target(t))}},{key:"sortGroup",value:function(t,n){var r=this,i=n.split("\0")[0];t.sort(function(o,s){var l=r.graph.source(o)===i||!r.graph.isDirected(o)?0:1,d=r.graph.source(s)===i||!r.graph.isDirected(s)?0:1;return l-d})}},{key:"register",value:function(t){var n=this.getGroupKey(t),r=this.groups.get(n);r||(r=[],this.groups.set(n,r)),r.includes(t)||r.push(t),this.edgeToGroupKey.set(t,n),r.length>1&&this.sortGroup(r,n),this.onGroupChanged(r,r.length)}},{key:"unregister",value:function(t){var n=this.edgeToGroupKey.get(t);if(n){this.edgeToGroupKey.delete(t);var r=this.groups.get(n);if(r){var i=r.indexOf(t);i!==-1&&r.splice(i,1),r.length===0?this.groups.delete(n):this.onGroupChanged(r,r.length)}}}},{key:"getGroup",value:function(t){var n,r=this.edgeToGroupKey.get(t);return r?(n=this.groups.get(r))!==null&&n!==void 0?n:[]:[]}},{key:"getSiblings",value:function(t){return this.getGroup(t).filter(function(n){return n!==t})}},{key:"rebuild",value:function(){var t=this;this.groups.clear(),this.edgeToGroupKey.clear(),this.graph.forEachEdge(function(l,d,u,c){var g=qo(u,c),f=t.groups.get(g);f||(f=[],t.groups.set(g,f)),f.push(l),t.edgeToGroupKey.set(l,g)});var n=O(this.groups),r;try{for(n.s();!(r=n.n()).done;){var i=ae(r.value,2),o=i[0],s=i[1];s.length>1&&this.sortGroup(s,o),this.onGroupChanged(s,s.length)}}catch(l){n.e(l)}finally{n.f()}}},{key:"clear",value:function(){this.groups.clear(),this.edgeToGroupKey.clear()}}])})();function Xo(a,e){var t;if(a===!1||a==="extend"||a==="separate")return a;var n=a[e];return n!==void 0?n:(t=a.default)!==null&&t!==void 0?t:!1}function Ko(a){return a===!1?!1:a==="extend"||a==="separate"?!0:Object.values(a).some(function(e){return e==="extend"||e==="separate"})}function Yo(a){return a==="separate"?!0:a===!1||a==="extend"?!1:a.default==="separate"?!0:Object.values(a).includes("separate")}var ge={node:{parent:null,eventSuffix:"Node",payloadKey:"node",isEnabled:function(){return!0},writesPickingThisFrame:function(){return!0},setHover:function(e,t,n){return e.setNodeState(t,{isHovered:n})},getCursor:function(e,t){var n;return(n=e.nodeDataCache[t])===null||n===void 0?void 0:n.cursor},isHitValid:function(e,t){var n;return((n=e.nodeDataCache[t])===null||n===void 0?void 0:n.visibility)!=="hidden"}},edge:{parent:null,eventSuffix:"Edge",payloadKey:"edge",isEnabled:function(e){return!!e.settings.enableEdgeEvents},writesPickingThisFrame:function(e){return!!e.settings.enableEdgeEvents},setHover:function(e,t,n){return e.setEdgeState(t,{isHovered:n})},getCursor:function(e,t){var n;return(n=e.edgeDataCache[t])===null||n===void 0?void 0:n.cursor}},nodeLabel:{parent:"node",eventSuffix:"NodeLabel",payloadKey:"node",isEnabled:function(e){return Yo(e.settings.nodeLabelEvents)},writesPickingThisFrame:function(e){return Ko(e.settings.nodeLabelEvents)},setHover:function(e,t,n){return e.setNodeState(t,{isLabelHovered:n})},getCursor:function(e,t){var n;return(n=e.nodeDataCache[t])===null||n===void 0?void 0:n.labelCursor},resolveForVerb:function(e,t,n){var r=Xo(n.settings.nodeLabelEvents,t);return r===!1?null:r==="extend"?{kind:"node",key:e.key}:e}},edgeLabel:{parent:"edge",eventSuffix:"EdgeLabel",payloadKey:"edge",isEnabled:function(e){return Yo(e.settings.edgeLabelEvents)},writesPickingThisFrame:function(e){return Ko(e.settings.edgeLabelEvents)},setHover:function(e,t,n){return e.setEdgeState(t,{isLabelHovered:n})},getCursor:function(e,t){var n;return(n=e.edgeDataCache[t])===null||n===void 0?void 0:n.labelCursor},resolveForVerb:function(e,t,n){var r=Xo(n.settings.edgeLabelEvents,t);return r===!1?null:r==="extend"?{kind:"edge",key:e.key}:e}}},gt=["node","edge","nodeLabel","edgeLabel"];function ah(){return{lookup:[null],idsByKind:{node:new Map,edge:new Map,nodeLabel:new Map,edgeLabel:new Map},nextId:1}}function ft(a,e,t){var n;return(n=a.idsByKind[e].get(t))!==null&&n!==void 0?n:0}function Ar(a,e){var t=O(gt),n;try{for(t.s();!(n=t.n()).done;){var r=n.value;if(r===e||ge[r].parent===e){var i=O(a.idsByKind[r].values()),o;try{for(i.s();!(o=i.n()).done;){var s=o.value;a.lookup[s]=null}}catch(g){i.e(g)}finally{i.f()}a.idsByKind[r]=new Map}}}catch(g){t.e(g)}finally{t.f()}var l=1,d=O(gt),u;try{for(d.s();!(u=d.n()).done;){var c=u.value;if(c===e)break;l+=a.idsByKind[c].size}}catch(g){d.e(g)}finally{d.f()}a.nextId=l}function Zo(a,e,t){var n=a.nextId++;return a.idsByKind[e].set(t,n),a.lookup[n]={kind:e,key:t},n}function rh(a,e){var t=O(gt),n;try{for(t.s();!(n=t.n()).done;){var r=n.value;if(ge[r].parent!==null){var i=O(a.idsByKind[r].values()),o;try{for(i.s();!(o=i.n()).done;){var s=o.value;a.lookup[s]=null}}catch(x){i.e(x)}finally{i.f()}a.idsByKind[r]=new Map}}}catch(x){t.e(x)}finally{t.f()}a.nextId=1;var l=O(gt),d;try{for(l.s();!(d=l.n()).done;){var u=d.value;if(ge[u].parent===null){var c=O(a.idsByKind[u].values()),g;try{for(c.s();!(g=c.n()).done;){var f=g.value;f>=a.nextId&&(a.nextId=f+1)}}catch(x){c.e(x)}finally{c.f()}}}}catch(x){l.e(x)}finally{l.f()}var h=O(gt),m;try{for(h.s();!(m=h.n()).done;){var v=m.value,p=ge[v];if(!(p.parent===null||!p.isEnabled(e))){var y=O(a.idsByKind[p.parent].keys()),b;try{for(y.s();!(b=y.n()).done;){var _=b.value;a.idsByKind[v].set(_,a.nextId),a.lookup[a.nextId]={kind:v,key:_},a.nextId++}}catch(x){y.e(x)}finally{y.f()}}}}catch(x){h.e(x)}finally{h.f()}}function ih(a,e){var t=O(gt),n;try{for(t.s();!(n=t.n()).done;){var r=n.value,i=a[r],o=e[r];if(i!==o){if(i.size!==o.size)return!1;var s=O(i),l;try{for(s.s();!(l=s.n()).done;){var d=ae(l.value,2),u=d[0],c=d[1];if(o.get(u)!==c)return!1}}catch(g){s.e(g)}finally{s.f()}}}}catch(g){t.e(g)}finally{t.f()}return!0}function Qo(a,e,t){ge[e.kind].setHover(a,e.key,t)}function oh(a,e){return ge[e.kind].getCursor(a,e.key)}function Sn(a,e){return"".concat(e).concat(ge[a].eventSuffix)}function En(a,e){return B(B({},e),{},S({},ge[a.kind].payloadKey,a.key))}function sh(a,e,t){var n=ge[e.kind].resolveForVerb;return n?n(e,t,a):e}function lh(a,e){var t=ge[e.kind].isHitValid;return t?t(a,e.key):!0}function Rr(a){return gt.filter(function(e){return e===a||ge[e].parent===a})}function ds(a,e,t){return e&&(e=sh(a,e,t)),e&&!lh(a,e)&&(e=null),e}function Dr(a,e,t){var n=t==="wheel"?a.stateManager.hovered:a.getHitAtPosition(e);return ds(a,n,t)}function dh(a,e){return!a||!e?a===e:a.kind===e.kind&&a.key===e.key}function us(a,e,t){var n={event:t,preventSigmaDefault:function(){return t.preventSigmaDefault()}},r=a.dragManager.session,i=r?{kind:"node",key:r.node}:ds(a,e,"enter"),o=a.stateManager,s=o.hovered;dh(s,i)||(s&&(Qo(a,s,!1),a.emit(Sn(s.kind,"leave"),En(s,n))),o.setHovered(i),i&&(Qo(a,i,!0),a.emit(Sn(i.kind,"enter"),En(i,n))),a.updateContainerCursor())}function uh(a,e,t,n){n.handleResize=function(){return a.scheduleRefresh()},window.addEventListener("resize",n.handleResize),n.handleMove=function(i){a.hoverResolver.pointerMoved(ct(i))},n.handleMoveBody=function(i){var o=ct(i),s=a.dragManager;if(s.pendingNode&&!s.session){var l=a.nodeStyleAnalysis,d=l.xAttribute,u=l.yAttribute,c=a.settings;s.start(s.pendingNode,o,c.getDraggedNodes,d||"x",u||"y"),s.pendingNode=null}s.session&&(s.applyMove(o,a.settings.dragPositionToAttributes),a.emit("nodeDrag",{node:s.session.node,allDraggedNodes:s.session.allNodes,event:o}),o.preventSigmaDefault()),a.emit("moveBody",{event:o,preventSigmaDefault:function(){return o.preventSigmaDefault()}})},n.handleLeave=function(i){var o=ct(i),s={event:o,preventSigmaDefault:function(){return o.preventSigmaDefault()}};a.hoverResolver.pointerLeft(),us(a,null,o),a.emit("leaveStage",s)},n.handleEnter=function(i){var o=ct(i);a.emit("enterStage",{event:o,preventSigmaDefault:function(){return o.preventSigmaDefault()}})};var r=function(o){return function(s){var l=ct(s),d={event:l,preventSigmaDefault:function(){return l.preventSigmaDefault()}},u=Dr(a,l,o);if(u){a.emit(Sn(u.kind,o),En(u,d));return}a.emit("".concat(o,"Stage"),d)}};n.handleClick=r("click"),n.handleRightClick=r("rightClick"),n.handleDoubleClick=r("doubleClick"),n.handleWheel=r("wheel"),n.handleDown=function(i){var o=ct(i),s={event:o,preventSigmaDefault:function(){return o.preventSigmaDefault()}},l=Dr(a,o,"down");if(l){l.kind==="node"&&a.settings.enableNodeDrag&&(a.dragManager.pendingNode=l.key),a.emit(Sn(l.kind,"down"),En(l,s));return}a.emit("downStage",s)},n.handleUp=function(i){var o=ct(i),s={event:o,preventSigmaDefault:function(){return o.preventSigmaDefault()}},l=a.dragManager.end();l&&a.emit("nodeDragEnd",B({node:l.node,allDraggedNodes:l.allNodes},s));var d=Dr(a,o,"up");if(d){a.emit(Sn(d.kind,"up"),En(d,s));return}a.emit("upStage",s)},e.on("mousemove",n.handleMove),e.on("mousemovebody",n.handleMoveBody),e.on("click",n.handleClick),e.on("rightClick",n.handleRightClick),e.on("doubleClick",n.handleDoubleClick),e.on("wheel",n.handleWheel),e.on("mousedown",n.handleDown),e.on("mouseup",n.handleUp),e.on("mouseleave",n.handleLeave),e.on("mouseenter",n.handleEnter),t.on("touchdown",n.handleDown),t.on("touchdown",n.handleMove),t.on("touchup",n.handleUp),t.on("touchmove",n.handleMove),t.on("tap",n.handleClick),t.on("doubletap",n.handleDoubleClick),t.on("touchmove",n.handleMoveBody)}function ch(a,e){var t=a.graph,n=new Set(["x","y","zIndex","type"]);e.eachNodeAttributesUpdatedGraphUpdate=function(r){var i,o=(i=r.hints)===null||i===void 0?void 0:i.attributes,s=!o||o.some(function(l){return n.has(l)});a.refresh({partialGraph:{nodes:t.nodes()},skipIndexation:!s,schedule:!0})},e.eachEdgeAttributesUpdatedGraphUpdate=function(r){var i,o=(i=r.hints)===null||i===void 0?void 0:i.attributes,s=o&&["zIndex","type"].some(function(l){return o?.includes(l)});a.refresh({partialGraph:{edges:t.edges()},skipIndexation:!s,schedule:!0})},e.addNodeGraphUpdate=function(r){a.addNode(r.key),a.refresh({partialGraph:{nodes:[r.key]},skipIndexation:!1,schedule:!0})},e.updateNodeGraphUpdate=function(r){a.refresh({partialGraph:{nodes:[r.key]},skipIndexation:!1,schedule:!0})},e.dropNodeGraphUpdate=function(r){a.removeNode(r.key),a.refresh({schedule:!0})},e.addEdgeGraphUpdate=function(r){var i=r.key;a.edgeGroups.register(i),a.addEdge(i);var o=a.edgeGroups.getSiblings(i),s=O(o),l;try{for(s.s();!(l=s.n()).done;){var d=l.value;a.addEdge(d)}}catch(u){s.e(u)}finally{s.f()}a.refresh({partialGraph:{edges:[i].concat(q(o))},schedule:!0})},e.updateEdgeGraphUpdate=function(r){a.refresh({partialGraph:{edges:[r.key]},skipIndexation:!1,schedule:!0})},e.dropEdgeGraphUpdate=function(r){var i=r.key,o=a.edgeGroups.getSiblings(i);a.edgeGroups.unregister(i),a.removeEdge(i);var s=O(o),l;try{for(s.s();!(l=s.n()).done;){var d=l.value;a.addEdge(d)}}catch(u){s.e(u)}finally{s.f()}a.refresh({schedule:!0})},e.clearEdgesGraphUpdate=function(){a.clearEdgeState(),a.clearEdgeIndices(),a.refresh({schedule:!0})},e.clearGraphUpdate=function(){a.clearEdgeState(),a.clearNodeState(),a.clearEdgeIndices(),a.clearNodeIndices(),a.refresh({schedule:!0})},t.on("nodeAdded",e.addNodeGraphUpdate),t.on("nodeDropped",e.dropNodeGraphUpdate),t.on("nodeAttributesUpdated",e.updateNodeGraphUpdate),t.on("eachNodeAttributesUpdated",e.eachNodeAttributesUpdatedGraphUpdate),t.on("edgeAdded",e.addEdgeGraphUpdate),t.on("edgeDropped",e.dropEdgeGraphUpdate),t.on("edgeAttributesUpdated",e.updateEdgeGraphUpdate),t.on("eachEdgeAttributesUpdated",e.eachEdgeAttributesUpdatedGraphUpdate),t.on("edgesCleared",e.clearEdgesGraphUpdate),t.on("cleared",e.clearGraphUpdate)}function hh(a,e){a.removeListener("nodeAdded",e.addNodeGraphUpdate),a.removeListener("nodeDropped",e.dropNodeGraphUpdate),a.removeListener("nodeAttributesUpdated",e.updateNodeGraphUpdate),a.removeListener("eachNodeAttributesUpdated",e.eachNodeAttributesUpdatedGraphUpdate),a.removeListener("edgeAdded",e.addEdgeGraphUpdate),a.removeListener("edgeDropped",e.dropEdgeGraphUpdate),a.removeListener("edgeAttributesUpdated",e.updateEdgeGraphUpdate),a.removeListener("eachEdgeAttributesUpdated",e.eachEdgeAttributesUpdatedGraphUpdate),a.removeListener("edgesCleared",e.clearEdgesGraphUpdate),a.removeListener("cleared",e.clearGraphUpdate)}var fh={x:.5,y:.5,angle:0,ratio:1},gh=8,ph=.001;function vh(a){var e=a.coords,t=a.nodeData,n=a.dimensions,r=a.stagePadding,i=a.zoomToSizeRatioFunction,o=a.itemSizesReference,s=a.fitLabels,l=a.nodeLabelBox,d=Object.keys(e);if(!d.length)return a.extent;for(var u=i(1)||1,c=o==="positions",g=n.width,f=n.height,h=a.extent,m=0;m<gh;m++){for(var v=ea(h),p={width:h.x[1]-h.x[0]||1,height:h.y[1]-h.y[0]||1},y=Xe(fh,n,p,r),b=Jo(y,v({x:0,y:0}),g,f),_=Jo(y,v({x:1,y:0}),g,f),x=Math.hypot(_.x-b.x,_.y-b.y)||1,T=1/0,w=-1/0,E=1/0,C=-1/0,R=0,I=d.length;R<I;R++){var A=d[R],P=t[A],D=P.size/u*(c?x:1),F=-D,z=D,G=-D,L=D;if(s){var k=l(P,D);k&&(k.minX<F&&(F=k.minX),k.maxX>z&&(z=k.maxX),k.minY<G&&(G=k.minY),k.maxY>L&&(L=k.maxY))}var M=e[A],j=M.x,V=M.y;T=Math.min(T,j+F/x),w=Math.max(w,j+z/x),E=Math.min(E,V-L/x),C=Math.max(C,V-G/x)}var Q={x:[T,w],y:[E,C]},K=Math.max(Q.x[1]-Q.x[0],Q.y[1]-Q.y[0])||1,Y=Math.max(Math.abs(Q.x[0]-h.x[0]),Math.abs(Q.x[1]-h.x[1]),Math.abs(Q.y[0]-h.y[0]),Math.abs(Q.y[1]-h.y[1]));if(h=Q,Y/K<ph)break}return h}function Jo(a,e,t,n){var r=Ct(a,e);return{x:(1+r.x)*t/2,y:(1-r.y)*n/2}}var mh=typeof navigator<"u"&&/Mac|iP(hone|ad|od)/.test(navigator.platform),yh=1500,bh=`.sigma-gesture-hint {
  position: absolute;
  inset: 0;
  display: flex;
  align-items: center;
  justify-content: center;
  text-align: center;
  padding: 1em;
  background: #00000066;
  color: #ffffff;
  font-size: 1em;
  pointer-events: none;
  transition: opacity 0.1s;
}`;function es(a){var e,t,n=It("style");n.textContent=a,document.head.appendChild(n);var r=((e=(t=n.sheet)===null||t===void 0?void 0:t.cssRules.length)!==null&&e!==void 0?e:0)>0;return n.remove(),r}var ht=null;function xh(){return ht===null&&(ht=bh,es("@scope {}")&&(ht=`@scope {
`.concat(ht,`
}`)),es("@layer sigma-gesture-hint {}")&&(ht=`@layer sigma-gesture-hint {
`.concat(ht,`
}`))),ht}var _h=(function(){function a(e){ee(this,a),S(this,"hideTimeout",null),this.styleElement=It("style"),this.styleElement.textContent=xh(),e.appendChild(this.styleElement),this.element=It("div",{opacity:"0"},{class:"sigma-gesture-hint"}),e.appendChild(this.element)}return te(a,[{key:"show",value:function(t,n){var r=this,i=t==="touch"?n.sharedGestureTouchMessage:mh?n.sharedGestureAppleWheelMessage:n.sharedGestureWheelMessage;i&&(this.element.textContent=i,this.element.style.opacity="1",typeof this.hideTimeout=="number"&&clearTimeout(this.hideTimeout),this.hideTimeout=window.setTimeout(function(){r.hideTimeout=null,r.element.style.opacity="0"},yh))}},{key:"kill",value:function(){typeof this.hideTimeout=="number"&&clearTimeout(this.hideTimeout),this.styleElement.remove(),this.element.remove()}}])})(),Th=(function(){function a(e){ee(this,a),S(this,"readBuffer",null),S(this,"fence",null),S(this,"result",new Uint8Array(4)),S(this,"generation",0),S(this,"readGeneration",0),S(this,"lastEvent",null),S(this,"active",!1),S(this,"dirty",!1),S(this,"rafId",null),S(this,"killed",!1),this.options=e}return te(a,[{key:"pointerMoved",value:function(t){this.lastEvent=t,this.active=!0,!this.options.isRenderPending()&&this.request()}},{key:"pointerLeft",value:function(){this.active=!1,this.dirty=!1}},{key:"frameRendered",value:function(){this.request()}},{key:"invalidate",value:function(){this.generation++}},{key:"request",value:function(){if(!(this.killed||!this.active||!this.lastEvent)){if(this.fence){this.dirty=!0;return}this.startRead()}}},{key:"startRead",value:function(){var t=this.options,n=t.gl,r=t.getFrameBuffer,i=t.getPixelRatio,o=t.getDownSizingRatio;this.readGeneration=this.generation;var s=this.lastEvent,l=$a(n,s.x,s.y,i(),o()),d=ae(l,2),u=d[0],c=d[1];this.readBuffer||(this.readBuffer=n.createBuffer()),n.bindFramebuffer(n.FRAMEBUFFER,r()),n.bindBuffer(n.PIXEL_PACK_BUFFER,this.readBuffer),n.bufferData(n.PIXEL_PACK_BUFFER,4,n.STREAM_READ),n.readPixels(u,c,1,1,n.RGBA,n.UNSIGNED_BYTE,0),n.bindBuffer(n.PIXEL_PACK_BUFFER,null),n.bindFramebuffer(n.FRAMEBUFFER,null),this.fence=n.fenceSync(n.SYNC_GPU_COMMANDS_COMPLETE,0),n.flush(),this.schedulePoll(s)}},{key:"schedulePoll",value:function(t){var n=this;this.rafId=requestAnimationFrame(function(){n.rafId=null,n.poll(t)})}},{key:"poll",value:function(t){var n=this.options,r=n.gl,i=n.onIndex;if(!(this.killed||!this.fence)){var o=r.clientWaitSync(this.fence,0,0);if(o===r.TIMEOUT_EXPIRED){this.schedulePoll(t);return}if(r.deleteSync(this.fence),this.fence=null,o!==r.WAIT_FAILED&&this.readGeneration===this.generation){r.bindBuffer(r.PIXEL_PACK_BUFFER,this.readBuffer),r.getBufferSubData(r.PIXEL_PACK_BUFFER,0,this.result),r.bindBuffer(r.PIXEL_PACK_BUFFER,null);var s=ae(this.result,4),l=s[0],d=s[1],u=s[2],c=s[3];this.active&&i(Ha(l,d,u,c),t)}this.dirty&&(this.dirty=!1,this.active&&this.lastEvent&&!this.options.isRenderPending()&&this.startRead())}}},{key:"reset",value:function(){this.rafId!==null&&cancelAnimationFrame(this.rafId),this.rafId=null,this.fence=null,this.readBuffer=null,this.dirty=!1}},{key:"kill",value:function(){this.killed=!0,this.rafId!==null&&cancelAnimationFrame(this.rafId),this.rafId=null;var t=this.options.gl;this.fence&&t.deleteSync(this.fence),this.fence=null,this.readBuffer&&t.deleteBuffer(this.readBuffer),this.readBuffer=null}}])})(),ts=(function(){function a(e,t){ee(this,a),this.key=e,this.size=t}return te(a,null,[{key:"compare",value:function(t,n){return t.size>n.size?-1:t.size<n.size||t.key>n.key?1:-1}}])})(),ma=(function(){function a(){ee(this,a),S(this,"width",0),S(this,"height",0),S(this,"cellSize",0),S(this,"columns",0),S(this,"rows",0),S(this,"cells",{})}return te(a,[{key:"resizeAndClear",value:function(t,n){this.width=t.width,this.height=t.height,this.cellSize=n,this.columns=Math.ceil(t.width/n),this.rows=Math.ceil(t.height/n),this.cells={}}},{key:"getIndex",value:function(t){var n=Math.floor(t.x/this.cellSize),r=Math.floor(t.y/this.cellSize);return r*this.columns+n}},{key:"add",value:function(t,n,r){var i=new ts(t,n),o=this.getIndex(r),s=this.cells[o];s||(s=[],this.cells[o]=s),s.push(i)}},{key:"organize",value:function(){for(var t in this.cells){var n=this.cells[t];n.sort(ts.compare)}}},{key:"getLabelsToDisplay",value:function(t,n,r){var i=this.cellSize*this.cellSize,o=i/t/t,s=o*n/i,l=Math.ceil(s),d=[];if(r)for(var u=Math.max(0,Math.floor(r.x1/this.cellSize)),c=Math.min(this.columns-1,Math.floor(r.x2/this.cellSize)),g=Math.max(0,Math.floor(r.y1/this.cellSize)),f=Math.min(this.rows-1,Math.floor(r.y2/this.cellSize)),h=g;h<=f;h++)for(var m=u;m<=c;m++){var v=h*this.columns+m,p=this.cells[v];if(p)for(var y=0;y<Math.min(l,p.length);y++)d.push(p[y].key)}else for(var b in this.cells)for(var _=this.cells[b],x=0;x<Math.min(l,_.length);x++)d.push(_[x].key);return d}}])})();function Sh(a){var e=a.graph,t=a.hoveredNode,n=a.highlightedNodes,r=a.displayedNodeLabels,i=new Set,o=new Set(n);t&&o.add(t);var s=O(o),l;try{for(s.s();!(l=s.n()).done;){var d=l.value;e.hasNode(d)&&e.forEachEdge(d,function(f){i.add(f)})}}catch(f){s.e(f)}finally{s.f()}var u=O(r),c;try{var g=function(){var h=c.value;if(o.has(h))return 1;e.forEachEdge(h,function(m,v,p,y){var b=p===h?y:p;r.has(b)&&i.add(m)})};for(u.s();!(c=u.n()).done;)g()}catch(f){u.e(f)}finally{u.f()}return Array.from(i)}var Ut=150,$t=50,Eh={both:0,node:1,label:2},wh={over:0,above:1,below:2,auto:3},ns=12,Ah=3,Rh=(function(){function a(e){ee(this,a),S(this,"labelGrid",new ma),S(this,"edgeAnchorGrid",new ma),S(this,"displayedNodeLabels",new Set),S(this,"displayedEdgeLabels",new Set),S(this,"edgeLabelCandidates",[]),S(this,"renderedNodeLabels",new Set),S(this,"labelSizeCache",new Map),S(this,"framePassPoints",new Float32Array(0)),S(this,"labelsDirty",!0),this.internals=e}return te(a,[{key:"resetFrame",value:function(){this.displayedNodeLabels=new Set,this.renderedNodeLabels=new Set,this.labelSizeCache.clear()}},{key:"clearEdgeLabels",value:function(){this.displayedEdgeLabels=new Set}},{key:"resetLabelGrid",value:function(){this.labelGrid=new ma,this.edgeAnchorGrid=new ma}},{key:"processWebGLLabels",value:function(t){for(var n,r=this.internals,i=r.labelProgram,o=r.primitives,s=r.nodeDataCache,l=(o==null||(n=o.nodes)===null||n===void 0||(n=n.label)===null||n===void 0||(n=n.font)===null||n===void 0?void 0:n.family)||"sans-serif",d=new Map,u=0,c=t.length;u<c;u++){var g=t[u],f=s[g];if(!(f.visibility==="hidden"||!f.label)){var h=f.labelFont||l,m=d.get(h);m?m.push(f.label):d.set(h,[f.label])}}var v=O(d),p;try{for(v.s();!(p=v.n()).done;){var y=ae(p.value,2),b=y[0],_=y[1],x=aa(b),T=x.family,w=x.weight,E=x.style,C=i.registerFont(T,w,E);i.ensureGlyphsReady(_,C)}}catch(R){v.e(R)}finally{v.f()}}},{key:"measureNodeLabel",value:function(t){var n,r;if(!t.label)return{width:0,height:0,textHeight:0};var i=this.internals,o=i.labelProgram,s=i.primitives,l=(n=t.labelSize)!==null&&n!==void 0?n:14,d=t.labelFont||(s==null||(r=s.nodes)===null||r===void 0||(r=r.label)===null||r===void 0||(r=r.font)===null||r===void 0?void 0:r.family)||"sans-serif",u="".concat(t.label,"|").concat(l,"|").concat(d);if(this.labelSizeCache.has(u))return this.labelSizeCache.get(u);var c=aa(d),g=c.family,f=c.weight,h=c.style,m=o.registerFont(g,f,h),v=o.measureLabel(t.label,l,m);return this.labelSizeCache.set(u,v),v}},{key:"nodeLabelBox",value:function(t,n){var r,i,o,s,l;if(t.visibility==="hidden"||t.labelVisibility==="hidden")return null;var d=this.measureNodeLabel(t),u=d.width,c=d.height,g=d.textHeight;if(!u)return null;var f=(r=(i=this.internals.primitives)===null||i===void 0||(i=i.nodes)===null||i===void 0||(i=i.label)===null||i===void 0?void 0:i.margin)!==null&&r!==void 0?r:zt,h=n+f,m=t.labelBackgroundColor?(o=t.labelBackgroundPadding)!==null&&o!==void 0?o:gr:0,v=u/2,p=c/2,y=v+m,b=p+m,_=g/2,x=0,T=0;switch((s=t.labelPosition)!==null&&s!==void 0?s:"right"){case"left":x=-(h+v);break;case"above":T=-(h+_);break;case"below":T=h+_;break;case"over":break;default:x=h+v}var w=(l=t.labelAngle)!==null&&l!==void 0?l:0,E=Ua({x,y:T},w),C=E.x,R=E.y,I=Math.abs(Math.cos(w)),A=Math.abs(Math.sin(w)),P=I*y+A*b,D=A*y+I*b;return{minX:C-P,maxX:C+P,minY:R-D,maxY:R+D}}},{key:"computeDisplayedNodeLabels",value:function(){var t=this.internals.getCameraState(),n=this.internals.getDimensions(),r=n.width,i=n.height,o=this.internals.viewportToFramedGraph({x:-Ut,y:-$t}),s=this.internals.viewportToFramedGraph({x:r+Ut,y:-$t}),l=this.internals.viewportToFramedGraph({x:-Ut,y:i+$t}),d=this.internals.viewportToFramedGraph({x:r+Ut,y:i+$t}),u=Math.min(o.x,s.x,l.x,d.x),c=Math.max(o.x,s.x,l.x,d.x),g=Math.min(o.y,s.y,l.y,d.y),f=Math.max(o.y,s.y,l.y,d.y),h=Xe({x:.5,y:.5,ratio:1,angle:0},{width:r,height:i},this.internals.getGraphDimensions(),this.internals.getStagePadding()),m=function(k){var M=Ct(h,k);return{x:(1+M.x)*r/2,y:(1-M.y)*i/2}},v=m({x:u,y:g}),p=m({x:c,y:g}),y=m({x:u,y:f}),b=m({x:c,y:f}),_={x1:Math.min(v.x,p.x,y.x,b.x),y1:Math.min(v.y,p.y,y.y,b.y),x2:Math.max(v.x,p.x,y.x,b.x),y2:Math.max(v.y,p.y,y.y,b.y)},x=this.internals,T=x.settings,w=x.nodeDataCache,E=x.nodesWithForcedLabels,C=this.labelGrid.getLabelsToDisplay(t.ratio,T.labelDensity,_);ar(C,E);for(var R=0,I=C.length;R<I;R++){var A=C[R],P=w[A];if(!this.displayedNodeLabels.has(A)&&!(P.visibility==="hidden"||P.labelVisibility==="hidden")&&P.label&&!(P.x<u||P.x>c||P.y<g||P.y>f)){var D=this.internals.framedGraphToViewport(P),F=D.x,z=D.y,G=this.internals.scaleSize(P.size);!Ye(P)&&G<T.labelRenderedSizeThreshold||F<-Ut-G||F>r+Ut+G||z<-$t-G||z>i+$t+G||this.displayedNodeLabels.add(A)}}}},{key:"buildFramePassPoints",value:function(){var t=this.internals,n=t.nodeDataCache,r=t.nodeDataTexture;if(!r)return{data:this.framePassPoints,count:0};var i=this.displayedNodeLabels.size*3;this.framePassPoints.length<i&&(this.framePassPoints=new Float32Array(i));var o=this.framePassPoints,s=0,l=O(this.displayedNodeLabels),d;try{for(l.s();!(d=l.n()).done;){var u,c,g=d.value,f=n[g];if(f){var h=r.getIndex(g);h<0||(o[s*3]=h,o[s*3+1]=(u=Gt[f.labelPosition||Ve.labelPosition])!==null&&u!==void 0?u:0,o[s*3+2]=(c=f.labelAngle)!==null&&c!==void 0?c:0,s++)}}}catch(m){l.e(m)}finally{l.f()}return{data:o,count:s}}},{key:"renderWebGLLabels",value:function(t,n){var r=this.internals,i=r.nodeDataCache,o=r.labelProgram,s=r.primitives,l=r.nodeDataTexture,d=[],u=O(this.displayedNodeLabels),c;try{for(u.s();!(c=u.n()).done;){var g=c.value;if(!this.renderedNodeLabels.has(g)){var f=i[g];n&&f.labelDepth!==n||(this.renderedNodeLabels.add(g),d.push(g))}}}catch(me){u.e(me)}finally{u.f()}if(d.length!==0){if(this.labelsDirty){for(var h,m,v,p=0,y=0,b=d.length;y<b;y++){var _=i[d[y]];p+=_.label.length}o.reallocate(p);for(var x=14,T=(h=s==null||(m=s.nodes)===null||m===void 0||(m=m.label)===null||m===void 0?void 0:m.margin)!==null&&h!==void 0?h:zt,w=Ve.labelPosition,E=(s==null||(v=s.nodes)===null||v===void 0||(v=v.label)===null||v===void 0||(v=v.font)===null||v===void 0?void 0:v.family)||"sans-serif",C=new Map,R=0,I=0,A=d.length;I<A;I++){var P,D,F,z,G=d[I],L=i[G],k=L.labelFont||E,M=C.get(k);if(M===void 0){var j=aa(k),V=j.family,Q=j.weight,K=j.style;M=o.registerFont(V,Q,K),C.set(k,M)}var Y={text:L.label,x:L.x,y:L.y,size:(P=L.labelSize)!==null&&P!==void 0?P:x,color:L.labelColor,nodeSize:L.size,margin:T,position:(D=L.labelPosition)!==null&&D!==void 0?D:w,hidden:!1,forceLabel:Ye(L),type:"default",zIndex:(F=L.zIndex)!==null&&F!==void 0?F:0,parentType:"node",parentKey:G,fontKey:M,labelAngle:(z=L.labelAngle)!==null&&z!==void 0?z:0,nodeIndex:l.getIndex(G)},Pe=o.processLabel(G,R,Y);R+=Pe}o.invalidateBuffers()}o.render(t)}}},{key:"renderBackdrops",value:function(t,n){var r=this.internals,i=r.backdropProgram,o=r.nodeDataCache,s=r.nodesWithBackdrop,l=r.attachmentManager,d=r.pixelRatio,u=r.nodeDataTexture,c=[],g=O(s),f;try{for(g.s();!(f=g.n()).done;){var h,m=f.value,v=o[m];if(!(!v||v.visibility==="hidden")&&!(n&&v.depth!==n)){var p=(h=u?.getIndex(m))!==null&&h!==void 0?h:-1;p<0||c.push({key:m,nodeIndex:p})}}}catch(at){g.e(at)}finally{g.f()}if(c.length!==0){i.reallocate(c.length);for(var y=0;y<c.length;y++){var b,_,x,T,w,E,C,R,I=c[y],A=I.key,P=I.nodeIndex,D=o[A],F=this.displayedNodeLabels.has(A),z=F?this.measureNodeLabel(D):{width:0,height:0,textHeight:0},G=z.textHeight,L=z.width,k=z.height,M=0,j=0;if(F&&D.labelAttachment&&l){var V=l.getEntry(A,D.labelAttachment);if(V){var Q=D.labelAttachmentPlacement||"below";if(Q==="below"||Q==="above"){var K=V.height/d;k+=K+Je,L=Math.max(L,V.width/d),j=Q==="below"?(K+Je)/2:-(K+Je)/2}else{var Y=V.width/d;L+=Y+Je,k=Math.max(k,V.height/d),M=Q==="right"?(Y+Je)/2:-(Y+Je)/2}}}var Pe=D.backdropColor?Ke(D.backdropColor):[255,255,255,255],me=D.backdropShadowColor?Ke(D.backdropShadowColor):[0,0,0,128],Ue=Pe.map(function(at){return at/255}),xt=me.map(function(at){return at/255}),jt=(b=D.backdropShadowBlur)!==null&&b!==void 0?b:12,qt=(_=D.backdropPadding)!==null&&_!==void 0?_:6,Xt=D.backdropBorderColor?Ke(D.backdropBorderColor):[0,0,0,0],Ds=Xt.map(function(at){return at/255}),Cs=(x=D.backdropBorderWidth)!==null&&x!==void 0?x:0,Ls=(T=D.backdropCornerRadius)!==null&&T!==void 0?T:0,Mr=(w=D.backdropLabelPadding)!==null&&w!==void 0?w:-1,ks=Mr<0?qt:Mr,Ps=(E=Eh[(C=D.backdropArea)!==null&&C!==void 0?C:"both"])!==null&&E!==void 0?E:0,Fs={key:A,nodeIndex:P,label:D.label,labelWidth:L,labelHeight:k,textHeight:G,type:"default",position:D.labelPosition||Ve.labelPosition,labelAngle:(R=D.labelAngle)!==null&&R!==void 0?R:0,backdropColor:Ue,backdropShadowColor:xt,backdropShadowBlur:jt,backdropPadding:qt,backdropBorderColor:Ds,backdropBorderWidth:Cs,backdropCornerRadius:Ls,backdropLabelPadding:ks,backdropArea:Ps,labelBoxOffset:[M,j]};i.processBackdrop(y,Fs)}i.invalidateBuffers(),i.render(t)}}},{key:"renderLabelBackgrounds",value:function(t,n){var r=this.internals,i=r.labelBackgroundProgram,o=r.nodeDataCache,s=r.nodeDataTexture,l=ge.nodeLabel.writesPickingThisFrame(this.internals),d=[],u=O(this.displayedNodeLabels),c;try{for(u.s();!(c=u.n()).done;){var g=c.value,f=o[g];!f||f.visibility==="hidden"||n&&f.labelDepth!==n||!l&&!f.labelBackgroundColor||d.push(g)}}catch(P){u.e(P)}finally{u.f()}if(d.length!==0){i.reallocate(d.length);for(var h=0;h<d.length;h++){var m,v,p,y,b=d[h],_=o[b],x=(m=s?.getIndex(b))!==null&&m!==void 0?m:-1;if(!(x<0)){var T=this.measureNodeLabel(_),w=T.width,E=T.height,C=T.textHeight,R=ft(this.internals.pickingState,"nodeLabel",b)||ft(this.internals.pickingState,"node",b),I=_.labelBackgroundColor?Re(_.labelBackgroundColor):Re("transparent"),A={nodeIndex:x,id:Lt(R),color:I,labelWidth:w,labelHeight:E,textHeight:C,positionMode:(v=Gt[_.labelPosition||Ve.labelPosition])!==null&&v!==void 0?v:0,labelAngle:(p=_.labelAngle)!==null&&p!==void 0?p:0,padding:(y=_.labelBackgroundPadding)!==null&&y!==void 0?y:gr};i.processLabelBackground(h,A)}}i.invalidateBuffers(),i.render(t)}}},{key:"cacheAttachments",value:function(t){var n=this.internals,r=n.attachmentManager,i=n.pixelRatio,o=n.nodeDataCache,s=n.nodesWithBackdrop,l=n.graph;if(r){var d=O(s),u;try{for(d.s();!(u=d.n()).done;){var c=u.value;if(this.displayedNodeLabels.has(c)){var g=o[c];if(!(!g||g.visibility==="hidden")&&!(t&&g.depth!==t)&&g.labelAttachment){var f=l.getNodeAttributes(c),h=this.measureNodeLabel(g),m=h.width,v=h.height,p={node:c,attributes:f,pixelRatio:i,labelWidth:m,labelHeight:v};r.renderAttachment(c,g.labelAttachment,p)}}}}catch(y){d.e(y)}finally{d.f()}r.regenerateAtlas()}}},{key:"renderAttachments",value:function(t,n){var r=this.internals,i=r.attachmentManager,o=r.attachmentProgram,s=r.nodeDataCache,l=r.nodesWithBackdrop,d=r.pixelRatio,u=r.nodeDataTexture;if(!(!i||!o)){var c=0;o.reallocateAttachments(l.size);var g=O(l),f;try{for(g.s();!(f=g.n()).done;){var h,m,v,p,y=f.value;if(this.displayedNodeLabels.has(y)){var b=s[y];if(!(!b||b.visibility==="hidden")&&!(n&&b.labelDepth!==n)&&b.labelAttachment){var _=i.getEntry(y,b.labelAttachment);if(_){var x=(h=u?.getIndex(y))!==null&&h!==void 0?h:-1;if(!(x<0)){var T=this.measureNodeLabel(b),w=T.width,E=T.height,C=T.textHeight,R=(m=xo[b.labelAttachmentPlacement||"below"])!==null&&m!==void 0?m:0;o.processAttachment(c,{nodeIndex:x,atlasX:_.x,atlasY:_.y,atlasW:_.width,atlasH:_.height,attachWidth:_.width/d,attachHeight:_.height/d,positionMode:(v=Gt[b.labelPosition||Ve.labelPosition])!==null&&v!==void 0?v:0,attachmentPlacement:R,labelWidth:w,labelHeight:E,textHeight:C,labelAngle:(p=b.labelAngle)!==null&&p!==void 0?p:0}),c++}}}}}}catch(I){g.e(I)}finally{g.f()}c!==0&&(o.reallocateAttachments(c),i.bindTexture(bn),o.invalidateBuffers(),o.render(t))}}},{key:"computeDisplayedEdgeLabels",value:function(){var t=this.internals,n=t.graph,r=t.stateManager,i=t.settings,o=t.edgesWithForcedLabels,s=r.getHighlightedNodes(),l=i.edgeLabelAnchors==="allNodes"?new Set(this.edgeAnchorGrid.getLabelsToDisplay(this.internals.getCameraState().ratio,i.labelDensity)):this.displayedNodeLabels,d=r.hovered,u=Sh({graph:n,hoveredNode:d?.kind==="node"?d.key:null,displayedNodeLabels:l,highlightedNodes:s});ar(u,o),this.edgeLabelCandidates=u,this.displayedEdgeLabels=new Set}},{key:"filterEdgeLabelsForDepth",value:function(t){for(var n=this.internals,r=n.graph,i=n.nodeDataCache,o=n.edgeDataCache,s=[],l=new Set,d=0,u=this.edgeLabelCandidates.length;d<u;d++){var c=this.edgeLabelCandidates[d];if(!l.has(c)){l.add(c);var g=r.extremities(c),f=i[g[0]],h=i[g[1]],m=o[c];!m||!f||!h||m.visibility==="hidden"||m.labelVisibility==="hidden"||f.visibility==="hidden"||h.visibility==="hidden"||t&&m.labelDepth!==t||m.label&&s.push(c)}}return s}},{key:"renderEdgeLabels",value:function(t,n){var r=this.internals,i=r.graph,o=r.nodeDataCache,s=r.edgeDataCache,l=r.primitives,d=r.edgeLabelProgram,u=r.nodeDataTexture,c=r.edgeDataTexture;if(d){var g=this.filterEdgeLabelsForDepth(n),f=O(g),h;try{for(f.s();!(h=f.n()).done;){var m=h.value;this.displayedEdgeLabels.add(m)}}catch(Y){f.e(Y)}finally{f.f()}if(g.length!==0){if(this.labelsDirty){var v,p,y=0,b=O(g),_;try{for(b.s();!(_=b.n()).done;){var x=_.value;y+=s[x].label.length}}catch(Y){b.e(Y)}finally{b.f()}d.reallocate(y);var T=(v=l==null||(p=l.edges)===null||p===void 0||(p=p.label)===null||p===void 0?void 0:p.margin)!==null&&v!==void 0?v:5,w="over",E=0,C=O(g),R;try{for(C.s();!(R=C.n()).done;){var I,A,P=R.value,D=i.extremities(P),F=D[0],z=D[1],G=o[F],L=o[z],k=s[P],M=u.getIndex(F),j=u.getIndex(z),V=c.getIndex(P),Q={text:k.label,x:(G.x+L.x)/2,y:(G.y+L.y)/2,size:ns,color:k.labelColor,nodeSize:0,nodeIndex:-1,margin:T,position:(I=k.labelPosition)!==null&&I!==void 0?I:w,hidden:!1,forceLabel:Ye(k),type:"default",zIndex:(A=k.zIndex)!==null&&A!==void 0?A:0,parentType:"edge",parentKey:P,fontKey:"",labelAngle:0,sourceX:G.x,sourceY:G.y,targetX:L.x,targetY:L.y,sourceSize:G.size,targetSize:L.size,sourceShape:G.shape||"circle",targetShape:L.shape||"circle",edgeSize:k.size,offset:0,edgeAttributes:k,sourceNodeIndex:M,targetNodeIndex:j,edgeIndex:V},K=d.processEdgeLabel(P,E,Q);E+=K}}catch(Y){C.e(Y)}finally{C.f()}d.invalidateBuffers()}d.render(t)}}}},{key:"renderEdgeLabelBackgrounds",value:function(t,n){var r,i,o=this.internals,s=o.edgeLabelBackgroundProgram,l=o.edgeLabelProgram,d=o.edgeDataCache,u=o.primitives,c=o.edgeDataTexture;if(!(!c||!l||!s)){var g=ge.edgeLabel.writesPickingThisFrame(this.internals),f=(r=u==null||(i=u.edges)===null||i===void 0||(i=i.label)===null||i===void 0?void 0:i.margin)!==null&&r!==void 0?r:5,h="over",m=this.filterEdgeLabelsForDepth(n),v=[],p=O(m),y;try{for(p.s();!(y=p.n()).done;){var b=y.value;!g&&!d[b].labelBackgroundColor||v.push(b)}}catch(G){p.e(G)}finally{p.f()}if(v.length!==0){s.reallocate(v.length);for(var _=0;_<v.length;_++){var x,T,w,E=v[_],C=d[E],R=C.label,I=l.measureLabelAtlasWidth(R),A=(x=C.labelPosition)!==null&&x!==void 0?x:h,P=typeof A=="string"&&(T=wh[A])!==null&&T!==void 0?T:0,D=ft(this.internals.pickingState,"edgeLabel",E)||ft(this.internals.pickingState,"edge",E),F=C.labelBackgroundColor?Re(C.labelBackgroundColor):Re("transparent"),z={edgeIndex:c.getIndex(E),baseFontSize:ns,totalTextWidth:I,positionMode:P,margin:f,padding:(w=C.labelBackgroundPadding)!==null&&w!==void 0?w:Ah,color:F,id:Lt(D),edgeAttributes:C};s.processEdgeLabelBackground(_,E,z)}s.invalidateBuffers(),s.render(t)}}}}])})(),Dh=(function(){function a(e,t,n,r){ee(this,a),S(this,"nodeStates",new Map),S(this,"edgeStates",new Map),S(this,"hovered",null),S(this,"dirtyNodes",new Set),S(this,"dirtyEdges",new Set),S(this,"graphStateChanged",!1),S(this,"graphStateFlagsDirty",!1),this.scheduleRefresh=e,this.customNodeStateDefaults=t,this.customEdgeStateDefaults=n,this.customGraphStateDefaults=r,this.graphState=Ya(r)}return te(a,[{key:"getNodeState",value:function(t){t=""+t;var n=this.nodeStates.get(t);return n||(n=$i(this.customNodeStateDefaults),this.nodeStates.set(t,n)),n}},{key:"getEdgeState",value:function(t){t=""+t;var n=this.edgeStates.get(t);return n||(n=Hi(this.customEdgeStateDefaults),this.edgeStates.set(t,n)),n}},{key:"getGraphState",value:function(){return this.flushGraphStateFlags(),this.graphState}},{key:"getHighlightedNodes",value:function(){var t=new Set,n=O(this.nodeStates),r;try{for(n.s();!(r=n.n()).done;){var i=ae(r.value,2),o=i[0],s=i[1];s.isHighlighted&&t.add(o)}}catch(l){n.e(l)}finally{n.f()}return t}},{key:"setNodeState",value:function(t,n){t=""+t;var r=this.getNodeState(t);if(Ft(r,n)){var i=B(B({},r),n);this.nodeStates.set(t,i),this.dirtyNodes.add(t),this.updateHoveredNodeTracking(t,r,i),this.graphStateFlagsDirty=!0,this.scheduleRefresh()}}},{key:"setEdgeState",value:function(t,n){t=""+t;var r=this.getEdgeState(t);if(Ft(r,n)){var i=B(B({},r),n);this.edgeStates.set(t,i),this.dirtyEdges.add(t),this.updateHoveredEdgeTracking(t,r,i),this.graphStateFlagsDirty=!0,this.scheduleRefresh()}}},{key:"setGraphState",value:function(t){if(Ft(this.graphState,t)){var n=B(B({},this.graphState),t);n.isIdle=!n.isPanning&&!n.isZooming&&!n.isDragging,this.graphState=n,this.graphStateChanged=!0,this.scheduleRefresh()}}},{key:"setNodesState",value:function(t,n){var r=!1,i=O(t),o;try{for(i.s();!(o=i.n()).done;){var s=o.value;s=""+s;var l=this.getNodeState(s);if(Ft(l,n)){var d=B(B({},l),n);this.nodeStates.set(s,d),this.dirtyNodes.add(s),this.updateHoveredNodeTracking(s,l,d),r=!0}}}catch(u){i.e(u)}finally{i.f()}r&&(this.graphStateFlagsDirty=!0,this.scheduleRefresh())}},{key:"setEdgesState",value:function(t,n){var r=!1,i=O(t),o;try{for(i.s();!(o=i.n()).done;){var s=o.value;s=""+s;var l=this.getEdgeState(s);if(Ft(l,n)){var d=B(B({},l),n);this.edgeStates.set(s,d),this.dirtyEdges.add(s),this.updateHoveredEdgeTracking(s,l,d),r=!0}}}catch(u){i.e(u)}finally{i.f()}r&&(this.graphStateFlagsDirty=!0,this.scheduleRefresh())}},{key:"removeNode",value:function(t){this.nodeStates.delete(t),this.dirtyNodes.delete(t),this.clearHoveredFor("node",t)}},{key:"removeEdge",value:function(t){this.edgeStates.delete(t),this.dirtyEdges.delete(t),this.clearHoveredFor("edge",t)}},{key:"pruneNodes",value:function(t){var n=O(this.nodeStates.keys()),r;try{for(n.s();!(r=n.n()).done;){var i=r.value;t(i)||this.removeNode(i)}}catch(o){n.e(o)}finally{n.f()}}},{key:"pruneEdges",value:function(t){var n=O(this.edgeStates.keys()),r;try{for(n.s();!(r=n.n()).done;){var i=r.value;t(i)||this.removeEdge(i)}}catch(o){n.e(o)}finally{n.f()}}},{key:"clearNodes",value:function(){this.nodeStates.clear(),this.dirtyNodes.clear(),this.clearHoveredForKinds(Rr("node"))}},{key:"clearEdges",value:function(){this.edgeStates.clear(),this.dirtyEdges.clear(),this.clearHoveredForKinds(Rr("edge"))}},{key:"resetGraphState",value:function(){this.graphState=Ya(this.customGraphStateDefaults),this.graphStateChanged=!1,this.graphStateFlagsDirty=!1}},{key:"clearDirtyTracking",value:function(){this.dirtyNodes.clear(),this.dirtyEdges.clear(),this.graphStateChanged=!1}},{key:"setHovered",value:function(t){this.hovered=t}},{key:"clearHoveredFor",value:function(t,n){this.hovered&&this.hovered.key===n&&Rr(t).includes(this.hovered.kind)&&(this.hovered=null)}},{key:"clearHoveredForKinds",value:function(t){this.hovered&&t.includes(this.hovered.kind)&&(this.hovered=null)}},{key:"updateGraphStateFromNodes",value:function(){var t,n=!1,r=!1,i=!1,o=O(this.nodeStates),s;try{for(o.s();!(s=o.n()).done;){var l=ae(s.value,2),d=l[1];if(d.isHovered&&(n=!0),d.isHighlighted&&(r=!0),d.isDragged&&(i=!0),n&&r&&i)break}}catch(c){o.e(c)}finally{o.f()}!n&&((t=this.hovered)===null||t===void 0?void 0:t.kind)==="edge"&&(n=!0);var u=!this.graphState.isPanning&&!this.graphState.isZooming&&!i;(this.graphState.hasHovered!==n||this.graphState.hasHighlighted!==r||this.graphState.isDragging!==i||this.graphState.isIdle!==u)&&(this.graphStateChanged=!0),this.graphState=B(B({},this.graphState),{},{hasHovered:n,hasHighlighted:r,isDragging:i,isIdle:u})}},{key:"updateGraphStateFromEdges",value:function(){var t,n=((t=this.hovered)===null||t===void 0?void 0:t.kind)==="node";if(!n){var r=O(this.edgeStates),i;try{for(r.s();!(i=r.n()).done;){var o=ae(i.value,2),s=o[1];if(s.isHovered){n=!0;break}}}catch(l){r.e(l)}finally{r.f()}}this.graphState.hasHovered!==n&&(this.graphStateChanged=!0),this.graphState=B(B({},this.graphState),{},{hasHovered:n})}},{key:"flushGraphStateFlags",value:function(){this.graphStateFlagsDirty&&(this.updateGraphStateFromNodes(),this.updateGraphStateFromEdges(),this.graphStateFlagsDirty=!1)}},{key:"updateHoveredNodeTracking",value:function(t,n,r){var i;if(n.isHovered!==r.isHovered)if(r.isHovered){var o;if(((o=this.hovered)===null||o===void 0?void 0:o.kind)==="node"&&this.hovered.key!==t){var s=this.hovered.key,l=this.getNodeState(s);this.nodeStates.set(s,B(B({},l),{},{isHovered:!1})),this.dirtyNodes.add(s)}this.hovered={kind:"node",key:t}}else((i=this.hovered)===null||i===void 0?void 0:i.kind)==="node"&&this.hovered.key===t&&(this.hovered=null)}},{key:"updateHoveredEdgeTracking",value:function(t,n,r){var i;if(n.isHovered!==r.isHovered)if(r.isHovered){var o;if(((o=this.hovered)===null||o===void 0?void 0:o.kind)==="edge"&&this.hovered.key!==t){var s=this.hovered.key,l=this.getEdgeState(s);this.edgeStates.set(s,B(B({},l),{},{isHovered:!1})),this.dirtyEdges.add(s)}this.hovered={kind:"edge",key:t}}else((i=this.hovered)===null||i===void 0?void 0:i.kind)==="edge"&&this.hovered.key===t&&(this.hovered=null)}}])})(),as=1,rs=2,is=3,os=4,Ch=(function(a){function e(t,n){var r,i,o,s,l,d=arguments.length>2&&arguments[2]!==void 0?arguments[2]:{};ee(this,e),l=se(this,e),S(l,"nodeReducer",null),S(l,"edgeReducer",null),S(l,"stageCanvas",null),S(l,"mouseLayer",null),S(l,"gestureHint",null),S(l,"extraElements",{}),S(l,"webGLContext",null),S(l,"pickingFrameBuffer",null),S(l,"pickingTexture",null),S(l,"pickingDepthBuffer",null),S(l,"activeListeners",{}),S(l,"nodeVariableEntries",[]),S(l,"edgeVariableEntries",[]),S(l,"edgePathsByName",new Map),S(l,"nodeProgramIndex",{}),S(l,"edgeProgramIndex",{}),S(l,"edgeTextureIndexCache",{}),S(l,"nodeGraphCoords",{}),S(l,"nodeExtent",{x:[0,1],y:[0,1]}),S(l,"matrix",Ae()),S(l,"invMatrix",Ae()),S(l,"correctionRatio",1),S(l,"frameId",0),S(l,"customBBox",null),S(l,"gpuTimerExt",void 0),S(l,"activeGpuTimerQuery",null),S(l,"pendingGpuTimerQueries",[]),S(l,"normalizationFunction",ea({x:[0,1],y:[0,1]})),S(l,"graphToViewportRatio",1),S(l,"pickingState",ah()),S(l,"prevNodeVisibilities",{}),S(l,"width",0),S(l,"height",0),S(l,"autoRescaleFrozen",!1),S(l,"stylesDeclaration",null),S(l,"resolvedStageStyle",{}),S(l,"renderFrame",null),S(l,"contextLost",!1),S(l,"pendingProcess","full"),S(l,"needToRefreshState",!1),S(l,"checkEdgesEventsFrame",null),S(l,"edgeStyleAnalysis",{dependency:"static",xAttribute:null,yAttribute:null}),S(l,"depthLayers",q(qn)),S(l,"customLayerPrograms",new Map),S(l,"nodeShapeSlug",null),S(l,"sdfAtlas",null),S(l,"depthRanges",{nodes:{},edges:{}}),S(l,"nodeBaseDepth",{}),S(l,"edgeBaseDepth",{});var u=d.primitives,c=d.styles,g=d.settings,f=g===void 0?{}:g,h=d.nodeReducer,m=d.edgeReducer,v=d.customNodeState,p=d.customEdgeState,y=d.customGraphState;l.stateManager=new Dh(function(){return l.scheduleStateRefresh()},v,p,y);var b=u??qi;l.stylesDeclaration=c?{nodes:(r=c.nodes)!==null&&r!==void 0?r:Yn.nodes,edges:(i=c.edges)!==null&&i!==void 0?i:Yn.edges,stage:c.stage}:Yn,l.nodeReducer=h??null,l.edgeReducer=m??null;var _=Za(l.stylesDeclaration.nodes);l.nodeReducer&&(_.dependency="graph-state"),l.edgeStyleAnalysis=Za(l.stylesDeclaration.edges),l.edgeReducer&&(l.edgeStyleAnalysis.dependency="graph-state"),l.stylesDeclaration.stage&&(l.resolvedStageStyle=nr(l.stylesDeclaration.stage,l.stateManager.graphState));var x=eo(f);if(na(x),x.enableNodeDrag){var T=_.xAttribute,w=_.yAttribute;if((!T||!w)&&!x.dragPositionToAttributes)throw new Error('Sigma: `enableNodeDrag` is true but position attribute names could not be inferred from styles. Either use attribute bindings for x/y in your node styles (e.g. `x: { attribute: "x" }`), or provide a `dragPositionToAttributes` setting.')}if(Ji(t),!(n instanceof HTMLElement))throw new Error("Sigma: container should be an html element.");l.container=n,l.edgeGroups=new nh(t,function(L,k){for(var M=0;M<L.length;M++){var j=l.stateManager.getEdgeState(L[M]);j.parallelIndex=M,j.parallelCount=k}});var E=new th(t,l.viewportToGraph.bind(l),l.setNodesState.bind(l),function(L,k){return l.emit(L,k)});if(l.depthLayers=(o=b.depthLayers)!==null&&o!==void 0?o:q(qn),!(c!=null&&c.nodes)&&!Vn.every(function(L){return l.depthLayers.includes(L)}))throw new Error("Sigma: depthLayers must include ".concat(Vn.join(", ")," for the built-in node styles."));if(!(c!=null&&c.edges)&&!jn.every(function(L){return l.depthLayers.includes(L)}))throw new Error("Sigma: depthLayers must include ".concat(jn.join(", ")," for the built-in edge styles."));l.itemBuckets={nodes:new Sr(l.depthLayers),edges:new Sr(l.depthLayers)},l.initWebGLContext(),l.mouseLayer=It("div",{position:"absolute",touchAction:"none",userSelect:"none"},{class:"sigma-mouse"}),l.container.appendChild(l.mouseLayer),l.resolvedStageStyle.background&&(l.container.style.backgroundColor=l.resolvedStageStyle.background),l.resolvedStageStyle.cursor&&(l.container.style.cursor=l.resolvedStageStyle.cursor);var C=new Uo(l.webGLContext),R=new Er(l.webGLContext,{channels:1}),I=new $o(l.webGLContext),A=new Er(l.webGLContext,{channels:4}),P=l.webGLContext,D=new Th({gl:P,getFrameBuffer:function(){return l.pickingFrameBuffer},getPixelRatio:function(){return l.internals.pixelRatio},getDownSizingRatio:function(){return l.internals.settings.pickingDownSizingRatio},isRenderPending:function(){return l.renderFrame!==null},onIndex:function(k,M){var j;return us(l.internals,(j=l.pickingState.lookup[k])!==null&&j!==void 0?j:null,M)}}),F=l.initPrograms(b,x),z=b==null||(s=b.nodes)===null||s===void 0?void 0:s.labelAttachments,G=null;return z&&Object.keys(z).length>0&&(G=new Wo(P,z,function(){return l.scheduleRender()})),l.internals=B(B({nodeDataCache:{},edgeDataCache:{},nodesWithForcedLabels:new Set,nodesWithBackdrop:new Set,edgesWithForcedLabels:new Set,settings:x,primitives:b,pixelRatio:cn(),graph:t,stateManager:l.stateManager,dragManager:E,hoverResolver:D,nodeStyleAnalysis:_,pickingState:l.pickingState},F),{},{attachmentManager:G,nodeDataTexture:C,nodeFrameTexture:R,edgeDataTexture:I,edgeFrameTexture:A,getDimensions:function(){return l.getDimensions()},getGraphDimensions:function(){return l.getGraphDimensions()},getStagePadding:function(){return l.getStagePadding()},getCameraState:function(){return l.camera.getState()},getHitAtPosition:function(k){return l.getHitAtPosition(k)},setNodeState:function(k,M){return l.setNodeState(k,M)},setEdgeState:function(k,M){return l.setEdgeState(k,M)},updateContainerCursor:function(){return l.updateContainerCursor()},scheduleRefresh:function(){return l.scheduleRefresh()},viewportToFramedGraph:function(k){return l.viewportToFramedGraph(k)},viewportToGraph:function(k){return l.viewportToGraph(k)},framedGraphToViewport:function(k){return l.framedGraphToViewport(k)},scaleSize:function(k){return l.scaleSize(k)},emit:function(k,M){return l.emit(k,M)}}),l.labelRenderer=new Rh(l.internals),l.resize(),l.initializeWebGLLabels(),l.camera=new jo,l.bindCameraHandlers(),l.mouseCaptor=new Zc(l.mouseLayer,l),l.mouseCaptor.setSettings(l.internals.settings),l.touchCaptor=new eh(l.mouseLayer,l),l.touchCaptor.setSettings(l.internals.settings),l.bindEventHandlers(),l.bindGraphHandlers(),l.handleSettingsUpdate(),l.refresh(),l}return le(e,a),te(e,[{key:"initializeWebGLLabels",value:function(){this.sdfAtlas=new lt,this.sdfAtlas.registerFont({family:"sans-serif",weight:"normal",style:"normal"})}},{key:"resetWebGLTexture",value:function(){var n=this.webGLContext;if(!this.pickingFrameBuffer)return this;var r=Math.ceil(this.width*this.internals.pixelRatio/this.internals.settings.pickingDownSizingRatio),i=Math.ceil(this.height*this.internals.pixelRatio/this.internals.settings.pickingDownSizingRatio);n.bindFramebuffer(n.FRAMEBUFFER,this.pickingFrameBuffer),this.pickingTexture&&n.deleteTexture(this.pickingTexture);var o=n.createTexture();o&&(n.bindTexture(n.TEXTURE_2D,o),n.texImage2D(n.TEXTURE_2D,0,n.RGBA,r,i,0,n.RGBA,n.UNSIGNED_BYTE,null),n.texParameteri(n.TEXTURE_2D,n.TEXTURE_MIN_FILTER,n.NEAREST),n.texParameteri(n.TEXTURE_2D,n.TEXTURE_MAG_FILTER,n.NEAREST),n.framebufferTexture2D(n.FRAMEBUFFER,n.COLOR_ATTACHMENT0,n.TEXTURE_2D,o,0),this.pickingTexture=o),this.pickingDepthBuffer&&n.deleteRenderbuffer(this.pickingDepthBuffer);var s=n.createRenderbuffer();return s&&(n.bindRenderbuffer(n.RENDERBUFFER,s),n.renderbufferStorage(n.RENDERBUFFER,n.DEPTH_COMPONENT16,r,i),n.framebufferRenderbuffer(n.FRAMEBUFFER,n.DEPTH_ATTACHMENT,n.RENDERBUFFER,s),this.pickingDepthBuffer=s),n.bindFramebuffer(n.FRAMEBUFFER,null),this}},{key:"bindCameraHandlers",value:function(){var n=this;return this.activeListeners.camera=function(){n.refreshMatrices(),n.labelRenderer.labelsDirty=!0,n.scheduleRender()},this.activeListeners.cameraAnimationStart=function(r){var i=r.from,o=r.to;i.ratio!==o.ratio&&n.stateManager.setGraphState({isZooming:!0})},this.activeListeners.cameraAnimationEnd=function(){n.stateManager.setGraphState({isZooming:!1})},this.camera.on("updated",this.activeListeners.camera),this.camera.on("animationStart",this.activeListeners.cameraAnimationStart),this.camera.on("animationEnd",this.activeListeners.cameraAnimationEnd),this}},{key:"unbindCameraHandlers",value:function(){return this.camera.removeListener("updated",this.activeListeners.camera),this.camera.removeListener("animationStart",this.activeListeners.cameraAnimationStart),this.camera.removeListener("animationEnd",this.activeListeners.cameraAnimationEnd),this}},{key:"getHitAtPosition",value:function(n){var r;if(this.contextLost)return null;var i=this.webGLContext;i.bindFramebuffer(i.FRAMEBUFFER,this.pickingFrameBuffer);var o=Ri(i,this.pickingFrameBuffer,n.x,n.y,this.internals.pixelRatio,this.internals.settings.pickingDownSizingRatio),s=Ha.apply(void 0,q(o));return(r=this.pickingState.lookup[s])!==null&&r!==void 0?r:null}},{key:"bindEventHandlers",value:function(){return uh(this.internals,this.mouseCaptor,this.touchCaptor,this.activeListeners),this}},{key:"bindGraphHandlers",value:function(){return ch({graph:this.internals.graph,edgeGroups:this.edgeGroups,addNode:this.addNode.bind(this),updateNode:this.updateNode.bind(this),removeNode:this.removeNode.bind(this),addEdge:this.addEdge.bind(this),updateEdge:this.updateEdge.bind(this),removeEdge:this.removeEdge.bind(this),clearEdgeState:this.clearEdgeState.bind(this),clearNodeState:this.clearNodeState.bind(this),clearEdgeIndices:this.clearEdgeIndices.bind(this),clearNodeIndices:this.clearNodeIndices.bind(this),refresh:this.refresh.bind(this)},this.activeListeners),this}},{key:"unbindGraphHandlers",value:function(){hh(this.internals.graph,this.activeListeners)}},{key:"getNodeShapeId",value:function(n){return this.internals.nodeShapeMap&&this.internals.nodeGlobalShapeIds&&n.shape&&n.shape in this.internals.nodeShapeMap?this.internals.nodeGlobalShapeIds[this.internals.nodeShapeMap[n.shape]]:vn(n.shape||"circle")}},{key:"processNodes",value:function(){var n=this,r=this.internals.graph,i=this.internals.settings,o=this.getDimensions(),s=i.autoRescale,l=i.autoRescaleContent,d=this.nodeExtent;if(s===!1){var u=o.width,c=o.height;d={x:[-u/2,u/2],y:[-c/2,c/2]}}else(s!=="once"||!this.autoRescaleFrozen)&&(d=this.computeNodeExtent(),l!=="positions"&&!this.customBBox&&(d=vh({extent:d,coords:this.nodeGraphCoords,nodeData:this.internals.nodeDataCache,dimensions:o,stagePadding:this.getStagePadding(),zoomToSizeRatioFunction:i.zoomToSizeRatioFunction,itemSizesReference:i.itemSizesReference,fitLabels:l==="labels",nodeLabelBox:function(j,V){return n.labelRenderer.nodeLabelBox(j,V)}})),s==="once"&&(this.autoRescaleFrozen=!0));this.nodeExtent=d,this.normalizationFunction=ea(this.customBBox||this.nodeExtent);var g=new jo,f=Xe(g.getState(),o,this.getGraphDimensions(),this.getStagePadding());this.labelRenderer.labelGrid.resizeAndClear(o,i.labelGridCellSize),this.labelRenderer.edgeAnchorGrid.resizeAndClear(o,i.labelGridCellSize);var h=i.renderEdgeLabels&&i.edgeLabelAnchors==="allNodes",m=!1;Ar(this.pickingState,"node");for(var v=r.nodes(),p=0,y=v.length;p<y;p++){var b=v[p],_=this.internals.nodeDataCache[b],x=this.nodeGraphCoords[b];_.x=x.x,_.y=x.y,this.normalizationFunction.applyTo(_),_.visibility!==this.prevNodeVisibilities[b]&&(m=!0),typeof _.label=="string"&&_.visibility!=="hidden"&&_.labelVisibility!=="hidden"&&this.labelRenderer.labelGrid.add(b,_.size,this.framedGraphToViewport(_,{matrix:f})),h&&_.visibility!=="hidden"&&this.labelRenderer.edgeAnchorGrid.add(b,_.size,this.framedGraphToViewport(_,{matrix:f}))}this.labelRenderer.labelGrid.organize(),this.labelRenderer.edgeAnchorGrid.organize(),this.nodeProgram.reallocate(v.length);var T=0;this.depthRanges.nodes={},this.nodeBaseDepth={};var w=this.internals.nodeDataCache,E=O(this.depthLayers),C;try{for(E.s();!(C=E.n()).done;){var R=C.value,I=this.itemBuckets.nodes.getSorted(R,function(M){return w[M].zIndex});if(I.length!==0){this.depthRanges.nodes[R]=[{offset:T,count:I.length}];var A=O(I),P;try{for(A.s();!(P=A.n()).done;){var D=P.value;this.nodeBaseDepth[D]=R,this.nodeProgram.allocateNode(D),Zo(this.pickingState,"node",D),this.addNodeToProgram(D,T++)}}catch(M){A.e(M)}finally{A.f()}}}}catch(M){E.e(M)}finally{E.f()}this.nodeProgram.invalidateBuffers();for(var F=0,z=v.length;F<z;F++)this.prevNodeVisibilities[v[F]]=this.internals.nodeDataCache[v[F]].visibility;this.labelRenderer.processWebGLLabels(v);var G=O(this.customLayerPrograms.values()),L;try{for(G.s();!(L=G.n()).done;){var k=L.value.program;k.cacheData&&k.cacheData()}}catch(M){G.e(M)}finally{G.f()}return m}},{key:"processEdges",value:function(){var n=this.internals.graph,r=n.edges();this.edgeProgram.reallocate(r.length);var i=0;Ar(this.pickingState,"edge"),this.depthRanges.edges={},this.edgeBaseDepth={};var o=this.internals.edgeDataCache,s=O(this.depthLayers),l;try{for(s.s();!(l=s.n()).done;){var d=l.value,u=this.itemBuckets.edges.getSorted(d,function(h){return o[h].zIndex});if(u.length!==0){this.depthRanges.edges[d]=[{offset:i,count:u.length}];var c=O(u),g;try{for(c.s();!(g=c.n()).done;){var f=g.value;this.edgeBaseDepth[f]=d,Zo(this.pickingState,"edge",f),this.addEdgeToProgram(f,i++)}}catch(h){c.e(h)}finally{c.f()}}}}catch(h){s.e(h)}finally{s.f()}this.edgeProgram.invalidateBuffers()}},{key:"updateNodeDepthRanges",value:function(n,r,i){var o=this.nodeProgramIndex[n];o!==void 0&&(or(this.depthRanges.nodes,r,o),sr(this.depthRanges.nodes,i,o))}},{key:"updateEdgeDepthRanges",value:function(n,r,i){var o=this.edgeProgramIndex[n];o!==void 0&&(or(this.depthRanges.edges,r,o),sr(this.depthRanges.edges,i,o))}},{key:"handleSettingsUpdate",value:function(){var n=this,r=this.internals.settings;return this.camera.minRatio=r.minCameraRatio,this.camera.maxRatio=r.maxCameraRatio,this.camera.enabledZooming=r.enableCameraZooming,this.camera.enabledPanning=r.enableCameraPanning,this.camera.enabledRotation=r.enableCameraRotation,r.cameraPanBoundaries?this.camera.constrainState=function(i){return n.cleanCameraState(i,r.cameraPanBoundaries&&J(r.cameraPanBoundaries)==="object"?r.cameraPanBoundaries:{})}:this.camera.constrainState=null,this.camera.setState(this.camera.getState()),this.mouseLayer.style.touchAction=r.gestureTarget==="graph"?"none":r.gestureTarget==="shared"?"pan-x pan-y":"auto",r.gestureTarget!=="shared"&&this.gestureHint&&(this.gestureHint.kill(),this.gestureHint=null),this.mouseCaptor.setSettings(this.internals.settings),this.touchCaptor.setSettings(this.internals.settings),this}},{key:"cleanCameraState",value:function(n){var r=arguments.length>1&&arguments[1]!==void 0?arguments[1]:{},i=r.tolerance,o=i===void 0?0:i,s=r.boundaries,l=B({},n),d=s||this.nodeExtent,u=ae(d.x,2),c=u[0],g=u[1],f=ae(d.y,2),h=f[0],m=f[1],v=[this.graphToViewport({x:c,y:h},{cameraState:n}),this.graphToViewport({x:g,y:h},{cameraState:n}),this.graphToViewport({x:c,y:m},{cameraState:n}),this.graphToViewport({x:g,y:m},{cameraState:n})],p=1/0,y=-1/0,b=1/0,_=-1/0;v.forEach(function(D){var F=D.x,z=D.y;p=Math.min(p,F),y=Math.max(y,F),b=Math.min(b,z),_=Math.max(_,z)});var x=y-p,T=_-b,w=this.getDimensions(),E=w.width,C=w.height,R=0,I=0;if(x>=E?y<E-o?R=y-(E-o):p>o&&(R=p-o):y>E+o?R=y-(E+o):p<-o&&(R=p+o),T>=C?_<C-o?I=_-(C-o):b>o&&(I=b-o):_>C+o?I=_-(C+o):b<-o&&(I=b+o),R||I){var A=this.viewportToFramedGraph({x:0,y:0},{cameraState:n}),P=this.viewportToFramedGraph({x:R,y:I},{cameraState:n});R=P.x-A.x,I=P.y-A.y,l.x+=R,l.y+=I}return l}},{key:"refreshMatrices",value:function(){var n=this.camera.getState(),r=this.getDimensions(),i=this.getGraphDimensions(),o=this.getStagePadding();this.matrix=Xe(n,r,i,o),this.invMatrix=Xe(n,r,i,o,!0),this.correctionRatio=Si(this.matrix,n,r),this.graphToViewportRatio=this.getGraphToViewportRatio()}},{key:"processData",value:function(){var n;this.emit("beforeProcess"),(n=this.internals.attachmentManager)===null||n===void 0||n.clear();var r=B({},this.pickingState.idsByKind),i=this.processNodes();(this.pendingProcess==="full"||i)&&this.processEdges(),rh(this.pickingState,this.internals),ih(r,this.pickingState.idsByKind)||this.internals.hoverResolver.invalidate(),this.pendingProcess="none",this.emit("afterProcess")}},{key:"render",value:function(){var n=this;if(this.contextLost)return this;this.emit("beforeRender");var r=function(){return n.internals.hoverResolver.frameRendered(),n.emit("afterRender"),n};if(this.renderFrame&&(cancelAnimationFrame(this.renderFrame),this.renderFrame=null),this.resize(),(this.pendingProcess!=="none"||this.needToRefreshState)&&(this.labelRenderer.labelsDirty=!0),this.pendingProcess!=="none"&&this.processData(),this.needToRefreshState&&this.refreshState(),this.needToRefreshState=!1,this.stateManager.clearDirtyTracking(),this.pendingProcess!=="none"&&this.processData(),this.clear(),this.resetWebGLTexture(),!this.internals.graph.order)return r();var i=this.mouseCaptor,o=this.camera.isAnimating()||i.isMoving||i.draggedEvents||i.currentWheelDirection;if(this.refreshMatrices(),this.frameId++,this.internals.settings.renderEdgeLabels&&!this.internals.edgeLabelProgram){var s=this.createEdgeLabelPrograms(),l=s.labelProgram,d=s.labelBackgroundProgram;this.internals.edgeLabelProgram=l,this.internals.edgeLabelBackgroundProgram=d}var u=this.internals.settings.DEBUG_logRenderStats?this.getDebugPrograms():null;u&&u.forEach(function(Y){return Y.resetDebugStats()}),this.internals.settings.DEBUG_gpuTimerQueries&&this.beginGpuTimerQuery(),this.internals.nodeFrameTexture.ensureCapacity(this.internals.nodeDataTexture.getCapacity()),this.internals.edgeFrameTexture.ensureCapacity(this.internals.edgeDataTexture.getCapacity());var c=this.getRenderParams(),g=ge.edge.writesPickingThisFrame(this.internals)?c:B(B({},c),{},{pickingFrameBuffer:null});this.labelRenderer.resetFrame();var f=this.webGLContext,h=Math.ceil(this.width*this.internals.pixelRatio/this.internals.settings.pickingDownSizingRatio),m=Math.ceil(this.height*this.internals.pixelRatio/this.internals.settings.pickingDownSizingRatio);if(f.bindFramebuffer(f.FRAMEBUFFER,this.pickingFrameBuffer),f.viewport(0,0,h,m),f.clear(f.COLOR_BUFFER_BIT|f.DEPTH_BUFFER_BIT),f.bindFramebuffer(f.FRAMEBUFFER,null),f.viewport(0,0,this.width*this.internals.pixelRatio,this.height*this.internals.pixelRatio),f.clear(f.COLOR_BUFFER_BIT|f.DEPTH_BUFFER_BIT),this.internals.nodeDataTexture.upload(),this.internals.edgeDataTexture.upload(),this.nodeProgram.uploadLayerTexture(),this.edgeProgram.uploadAttributeTexture(),this.emit("afterTexturesUpload"),this.internals.nodeDataTexture.bind(is),this.internals.edgeDataTexture.bind(os),this.edgeFramePass.run(c,this.internals.edgeFrameTexture,this.internals.edgeDataTexture.getHighWaterMark(),this.edgeProgram.getAttributeTexture(),this.nodeProgram.getAttributeTexture()),this.internals.edgeFrameTexture.bind(as),this.internals.settings.renderLabels){this.labelRenderer.computeDisplayedNodeLabels();var v=this.labelRenderer.buildFramePassPoints(),p=v.data,y=v.count;this.nodeFramePass.run(p,y,this.internals.nodeFrameTexture,c,this.nodeProgram.getAttributeTexture()),this.internals.nodeFrameTexture.bind(rs)}this.internals.settings.renderEdgeLabels&&this.labelRenderer.computeDisplayedEdgeLabels();var b=O(this.customLayerPrograms.values()),_;try{for(b.s();!(_=b.n()).done;){var x=_.value.program;x.preRender&&x.preRender(c)}}catch(Y){b.e(Y)}finally{b.f()}f.bindFramebuffer(f.FRAMEBUFFER,null),f.viewport(0,0,this.width*this.internals.pixelRatio,this.height*this.internals.pixelRatio),f.blendFunc(f.ONE,f.ONE_MINUS_SRC_ALPHA);var T=!this.internals.settings.hideLabelsOnMove||!o,w=O(this.depthLayers),E;try{for(w.s();!(E=w.n()).done;){var C=E.value,R=O(this.customLayerPrograms.values()),I;try{for(R.s();!(I=R.n()).done;){var A=I.value;A.depth===C&&A.program.render(c)}}catch(Y){R.e(Y)}finally{R.f()}var P=this.depthRanges.edges[C];if(P&&(!this.internals.settings.hideEdgesOnMove||!o)){var D=O(P),F;try{for(D.s();!(F=D.n()).done;){var z=F.value,G=z.offset,L=z.count;L>0&&this.edgeProgram.render(g,G,L)}}catch(Y){D.e(Y)}finally{D.f()}}this.internals.settings.renderEdgeLabels&&T&&(this.labelRenderer.renderEdgeLabelBackgrounds(ge.edgeLabel.writesPickingThisFrame(this.internals)?c:B(B({},c),{},{pickingFrameBuffer:null}),C),this.labelRenderer.renderEdgeLabels(c,C)),this.labelRenderer.cacheAttachments(C),this.labelRenderer.renderBackdrops(B(B({},c),{},{pickingFrameBuffer:null}),C);var k=this.depthRanges.nodes[C];if(k){var M=O(k),j;try{for(M.s();!(j=M.n()).done;){var V=j.value,Q=V.offset,K=V.count;K>0&&this.nodeProgram.render(c,Q,K)}}catch(Y){M.e(Y)}finally{M.f()}}T&&(this.labelRenderer.renderAttachments(B(B({},c),{},{pickingFrameBuffer:null}),C),this.labelRenderer.renderLabelBackgrounds(ge.nodeLabel.writesPickingThisFrame(this.internals)?c:B(B({},c),{},{pickingFrameBuffer:null}),C),this.internals.settings.renderLabels&&this.labelRenderer.renderWebGLLabels(c,C))}}catch(Y){w.e(Y)}finally{w.f()}return this.labelRenderer.labelsDirty=!1,this.internals.settings.DEBUG_displayPickingLayer&&(f.bindFramebuffer(f.READ_FRAMEBUFFER,this.pickingFrameBuffer),f.bindFramebuffer(f.DRAW_FRAMEBUFFER,null),f.blitFramebuffer(0,0,h,m,0,0,this.width*this.internals.pixelRatio,this.height*this.internals.pixelRatio,f.COLOR_BUFFER_BIT,f.NEAREST)),this.internals.settings.DEBUG_gpuTimerQueries&&this.endGpuTimerQuery(),this.pollGpuTimerQueries(),u&&this.logRenderStats(u),r()}},{key:"getDebugPrograms",value:function(){return[this.nodeProgram,this.edgeProgram,this.internals.labelProgram,this.internals.edgeLabelProgram,this.internals.edgeLabelBackgroundProgram,this.internals.backdropProgram,this.internals.labelBackgroundProgram,this.internals.attachmentProgram].filter(function(n){return n!==null})}},{key:"logRenderStats",value:function(n){var r={},i=O(n),o;try{for(i.s();!(o=i.n()).done;){var s=o.value;r[s.constructor.name]=B({},s.debugStats)}}catch(l){i.e(l)}finally{i.f()}console.log("[sigma] DEBUG_logRenderStats: frame #".concat(this.frameId)),console.table(r)}},{key:"getGpuTimerExtension",value:function(){return this.gpuTimerExt===void 0&&(this.gpuTimerExt=this.webGLContext.getExtension("EXT_disjoint_timer_query_webgl2"),this.gpuTimerExt||console.warn("Sigma: DEBUG_gpuTimerQueries is enabled, but this browser/driver doesn't support EXT_disjoint_timer_query_webgl2.")),this.gpuTimerExt}},{key:"beginGpuTimerQuery",value:function(){var n=this.getGpuTimerExtension();if(n){var r=this.webGLContext,i=r.createQuery();i&&(r.beginQuery(n.TIME_ELAPSED_EXT,i),this.activeGpuTimerQuery=i)}}},{key:"endGpuTimerQuery",value:function(){!this.gpuTimerExt||!this.activeGpuTimerQuery||(this.webGLContext.endQuery(this.gpuTimerExt.TIME_ELAPSED_EXT),this.pendingGpuTimerQueries.push({query:this.activeGpuTimerQuery,frameId:this.frameId}),this.activeGpuTimerQuery=null)}},{key:"pollGpuTimerQueries",value:function(){if(this.pendingGpuTimerQueries.length!==0){var n=this.webGLContext,r=this.gpuTimerExt;if(!r){this.pendingGpuTimerQueries.forEach(function(c){var g=c.query;return n.deleteQuery(g)}),this.pendingGpuTimerQueries=[];return}var i=n.getParameter(r.GPU_DISJOINT_EXT),o=[],s=O(this.pendingGpuTimerQueries),l;try{for(s.s();!(l=s.n()).done;){var d=l.value;if(!n.getQueryParameter(d.query,n.QUERY_RESULT_AVAILABLE)){o.push(d);continue}if(!i){var u=n.getQueryParameter(d.query,n.QUERY_RESULT);console.log("[sigma] DEBUG_gpuTimerQueries: frame #".concat(d.frameId," GPU time = ").concat((u/1e6).toFixed(2),"ms"))}n.deleteQuery(d.query)}}catch(c){s.e(c)}finally{s.f()}this.pendingGpuTimerQueries=o}}},{key:"postEvaluateNode",value:function(n,r,i){var o=n;o.x===void 0&&(o.x=r.x),o.y===void 0&&(o.y=r.y),n.highlighted=i.isHighlighted;for(var s=0,l=this.nodeVariableEntries.length;s<l;s++){var d,u,c=ae(this.nodeVariableEntries[s],2),g=c[0],f=c[1];o[g]=(d=(u=o[g])!==null&&u!==void 0?u:r[g])!==null&&d!==void 0?d:f.default}}},{key:"addNode",value:function(n){var r=this.internals.graph.getNodeAttributes(n),i=this.stateManager.getNodeState(n),o=this.internals.nodeDataCache[n]||{};if(er(this.stylesDeclaration.nodes,r,i,this.stateManager.graphState,this.internals.graph,o),this.postEvaluateNode(o,r,i),this.nodeReducer){var s=this.nodeReducer(n,o,r,i,this.stateManager.graphState,this.internals.graph);o=B(B({},o),s)}if(typeof o.x!="number"||typeof o.y!="number")throw new Error('Sigma: could not find a valid position (x, y) for node "'.concat(n,'". ')+"Provide coordinates via node attributes, styles, or a nodeReducer.");this.internals.nodeShapeMap?(!o.shape||!(o.shape in this.internals.nodeShapeMap))&&(o.shape=Object.keys(this.internals.nodeShapeMap)[0]):this.nodeShapeSlug&&(o.shape=this.nodeShapeSlug),this.internals.nodeDataCache[n]=o,this.nodeGraphCoords[n]={x:o.x,y:o.y},st(this.internals.nodesWithForcedLabels,n,Ye(o)),st(this.internals.nodesWithBackdrop,n,ir(o)),this.itemBuckets.nodes.set(n,o.depth)}},{key:"updateNode",value:function(n){this.addNode(n);var r=this.internals.nodeDataCache[n];this.normalizationFunction.applyTo(r)}},{key:"removeNode",value:function(n){this.itemBuckets.nodes.remove(n),delete this.internals.nodeDataCache[n],delete this.nodeGraphCoords[n],delete this.nodeProgramIndex[n],this.internals.dragManager.removeNode(n),this.stateManager.removeNode(n),this.internals.nodesWithForcedLabels.delete(n),this.internals.nodesWithBackdrop.delete(n)}},{key:"postEvaluateEdge",value:function(n,r){for(var i=n,o=0,s=this.edgeVariableEntries.length;o<s;o++){var l,d,u=ae(this.edgeVariableEntries[o],2),c=u[0],g=u[1];i[c]=(l=(d=i[c])!==null&&d!==void 0?d:r[c])!==null&&l!==void 0?l:g.default}}},{key:"applyEdgeSpread",value:function(n,r,i){var o;if(!(i.parallelCount<=1)){var s=this.internals.graph.source(n),l=this.internals.graph.target(n),d=s===l,u=d?r.selfLoopPath||r.path:r.parallelPath||r.path,c=u?this.edgePathsByName.get(u):void 0;if(c!=null&&c.spread){var g=(o=r.parallelSpread)!==null&&o!==void 0?o:.25,f=c.spread.compute(i.parallelIndex,i.parallelCount,g);!d&&this.internals.graph.isDirected(n)&&s>l&&(f=-f),r[c.spread.variable]=f}}}},{key:"addEdge",value:function(n){var r=this.internals.graph.getEdgeAttributes(n),i=this.stateManager.getEdgeState(n),o={};if(tr(this.stylesDeclaration.edges,r,i,this.stateManager.graphState,this.internals.graph,o),this.postEvaluateEdge(o,r),this.edgeReducer){var s=this.edgeReducer(n,o,r,i,this.stateManager.graphState,this.internals.graph);o=B(B({},o),s)}this.applyEdgeSpread(n,o,i),this.internals.edgeDataCache[n]=o,st(this.internals.edgesWithForcedLabels,n,Ye(o)),this.itemBuckets.edges.set(n,o.depth)}},{key:"updateEdge",value:function(n){this.addEdge(n)}},{key:"removeEdge",value:function(n){this.itemBuckets.edges.remove(n),delete this.internals.edgeDataCache[n],delete this.edgeProgramIndex[n],delete this.edgeTextureIndexCache[n],this.internals.edgeDataTexture.free(n),this.stateManager.removeEdge(n),this.internals.edgesWithForcedLabels.delete(n)}},{key:"clearNodeIndices",value:function(){this.labelRenderer.resetLabelGrid(),this.autoRescaleFrozen||(this.nodeExtent={x:[0,1],y:[0,1]}),this.internals.nodeDataCache={},this.nodeGraphCoords={},this.edgeProgramIndex={},this.internals.nodesWithForcedLabels.clear(),this.internals.nodesWithBackdrop.clear(),this.prevNodeVisibilities={},this.itemBuckets.nodes.clearAll(),this.depthRanges.nodes={},this.nodeBaseDepth={}}},{key:"clearEdgeIndices",value:function(){this.internals.edgeDataCache={},this.edgeProgramIndex={},this.edgeTextureIndexCache={},this.internals.edgesWithForcedLabels.clear(),Ar(this.pickingState,"edge"),this.itemBuckets.edges.clearAll(),this.depthRanges.edges={},this.edgeBaseDepth={},this.edgeGroups.clear()}},{key:"clearIndices",value:function(){this.clearEdgeIndices(),this.clearNodeIndices()}},{key:"clearNodeState",value:function(){this.labelRenderer.resetFrame(),this.internals.nodesWithBackdrop.clear(),this.internals.dragManager.clear(),this.autoRescaleFrozen=!1,this.stateManager.clearNodes()}},{key:"clearEdgeState",value:function(){this.labelRenderer.clearEdgeLabels(),this.stateManager.clearEdges()}},{key:"clearState",value:function(){this.clearEdgeState(),this.clearNodeState(),this.stateManager.resetGraphState()}},{key:"addNodeToProgram",value:function(n,r){var i,o=this.internals.nodeDataCache[n];this.internals.nodeDataTexture.allocate(n),(i=this.internals.nodeDataTexture).updateNode.apply(i,[n,o.x,o.y,o.size,this.getNodeShapeId(o)].concat(q(Jn(o)),[o.color]));var s=this.internals.nodeDataTexture.getIndex(n);this.nodeProgram.process(ft(this.pickingState,"node",n),r,o,s,n),this.nodeProgramIndex[n]=r}},{key:"addEdgeToProgram",value:function(n,r){var i,o,s=this.internals.edgeDataCache[n],l=this.internals.graph.source(n),d=this.internals.graph.target(n),u=this.internals.edgeDataTexture.allocate(n);this.edgeTextureIndexCache[n]=u;var c=l===d,g=!c&&((i=(o=this.stateManager.getEdgeState(n))===null||o===void 0?void 0:o.parallelCount)!==null&&i!==void 0?i:1)>1,f=this.edgeProgram.resolveEdgeIds(s,c,g),h=f.pathId,m=f.headId,v=f.tailId,p=f.headLengthRatio,y=f.tailLengthRatio;this.internals.edgeDataTexture.updateEdge(n,this.internals.nodeDataTexture.getIndex(l),this.internals.nodeDataTexture.getIndex(d),s.size,p,y,h,m,v),this.edgeProgram.process(ft(this.pickingState,"edge",n),r,this.internals.nodeDataCache[l],this.internals.nodeDataCache[d],s,u),this.edgeProgramIndex[n]=r}},{key:"getRenderParams",value:function(){return{frameId:this.frameId,matrix:this.matrix,invMatrix:this.invMatrix,width:this.width,height:this.height,pixelRatio:this.internals.pixelRatio,zoomRatio:this.camera.ratio,cameraAngle:this.camera.angle,sizeRatio:1/this.scaleSize(),correctionRatio:this.correctionRatio,downSizingRatio:this.internals.settings.pickingDownSizingRatio,minEdgeThickness:this.internals.settings.minEdgeThickness,antiAliasingFeather:this.internals.settings.antiAliasingFeather,nodePickingPadding:this.internals.settings.nodePickingPadding,edgePickingPadding:this.internals.settings.edgePickingPadding,labelPickingPadding:this.internals.settings.labelPickingPadding,nodeDataTextureUnit:is,nodeDataTextureWidth:this.internals.nodeDataTexture.getTextureWidth(),nodeFrameTextureUnit:rs,nodeFrameTextureWidth:this.internals.nodeFrameTexture.getTextureWidth(),edgeDataTextureUnit:os,edgeDataTextureWidth:this.internals.edgeDataTexture.getTextureWidth(),edgeFrameTextureUnit:as,edgeFrameTextureWidth:this.internals.edgeFrameTexture.getTextureWidth(),pickingFrameBuffer:this.pickingFrameBuffer,labelPixelSnapping:this.internals.settings.labelPixelSnapping?1:0}}},{key:"getStagePadding",value:function(){var n=this.internals.settings,r=n.stagePadding,i=n.autoRescale;return i&&r||0}},{key:"getLayerElement",value:function(n){if(n==="mouse")return this.mouseLayer;var r=this.extraElements[n];if(!r)throw new Error('Sigma: layer "'.concat(n,'" does not exist'));return r}},{key:"initWebGLContext",value:function(){var n=this,r=this.createWebGLContext("stage");this.stageCanvas=this.extraElements.stage,this.webGLContext=r,this.stageCanvas.addEventListener("webglcontextlost",function(i){n.webGLContext&&(i.preventDefault(),n.contextLost=!0,n.renderFrame&&(cancelAnimationFrame(n.renderFrame),n.renderFrame=null),n.gpuTimerExt=void 0,n.activeGpuTimerQuery=null,n.pendingGpuTimerQueries=[],n.emit("webglContextLost"))}),this.stageCanvas.addEventListener("webglcontextrestored",function(){requestAnimationFrame(function(){n.webGLContext&&!n.webGLContext.isContextLost()&&n.restoreWebGLContext()})}),this.initPickingFramebuffer()}},{key:"initPickingFramebuffer",value:function(){var n=this.webGLContext,r=n.createFramebuffer();if(!r)throw new Error("Sigma: cannot create picking frame buffer");n.bindFramebuffer(n.FRAMEBUFFER,r);var i=n.createTexture();if(!i)throw new Error("Sigma: cannot create picking texture");n.bindTexture(n.TEXTURE_2D,i),n.texImage2D(n.TEXTURE_2D,0,n.RGBA,1,1,0,n.RGBA,n.UNSIGNED_BYTE,null),n.texParameteri(n.TEXTURE_2D,n.TEXTURE_MIN_FILTER,n.NEAREST),n.texParameteri(n.TEXTURE_2D,n.TEXTURE_MAG_FILTER,n.NEAREST),n.texParameteri(n.TEXTURE_2D,n.TEXTURE_WRAP_S,n.CLAMP_TO_EDGE),n.texParameteri(n.TEXTURE_2D,n.TEXTURE_WRAP_T,n.CLAMP_TO_EDGE),n.framebufferTexture2D(n.FRAMEBUFFER,n.COLOR_ATTACHMENT0,n.TEXTURE_2D,i,0);var o=n.createRenderbuffer();if(!o)throw new Error("Sigma: cannot create picking depth buffer");if(n.bindRenderbuffer(n.RENDERBUFFER,o),n.renderbufferStorage(n.RENDERBUFFER,n.DEPTH_COMPONENT16,1,1),n.framebufferRenderbuffer(n.FRAMEBUFFER,n.DEPTH_ATTACHMENT,n.RENDERBUFFER,o),n.checkFramebufferStatus(n.FRAMEBUFFER)!==n.FRAMEBUFFER_COMPLETE)throw new Error("Sigma: picking framebuffer is not complete");n.bindFramebuffer(n.FRAMEBUFFER,null),this.pickingFrameBuffer=r,this.pickingTexture=i,this.pickingDepthBuffer=o}},{key:"initPrograms",value:function(n,r){var i=this,o=this.webGLContext,s=No(o,this.pickingFrameBuffer,i,n?.nodes,r.antialiasNodes),l=s.nodeProgram,d=s.labelProgram,u=s.backdropProgram,c=s.labelBackgroundProgram,g=s.attachmentProgram,f=s.framePass,h=s.shapeSlug,m=s.shapeNameToIndex,v=s.shapeGlobalIds,p=s.variables;this.nodeProgram=l,this.nodeFramePass=f,this.nodeVariableEntries=Object.entries(p),h&&(this.nodeShapeSlug=h);var y=Go(o,this.pickingFrameBuffer,i,n?.edges,r.antialiasEdges,n?.nodes),b=y.edgeProgram,_=y.createLabelPrograms,x=y.framePass,T=y.variables,w=y.paths;return this.createEdgeLabelPrograms=_,this.edgeProgram=b,this.edgeFramePass=x,this.edgeVariableEntries=Object.entries(T),this.edgePathsByName=new Map(w.map(function(E){return[E.name,E]})),{labelProgram:d,edgeLabelProgram:null,edgeLabelBackgroundProgram:null,backdropProgram:u,labelBackgroundProgram:c,attachmentProgram:g,nodeShapeMap:m??null,nodeGlobalShapeIds:v??null}}},{key:"restoreWebGLContext",value:function(){var n,r,i,o,s,l=this.internals;this.initPickingFramebuffer(),(n=l.nodeDataTexture)===null||n===void 0||n.restore(),(r=l.nodeFrameTexture)===null||r===void 0||r.restore(),(i=l.edgeDataTexture)===null||i===void 0||i.restore(),(o=l.edgeFrameTexture)===null||o===void 0||o.restore(),(s=l.attachmentManager)===null||s===void 0||s.restore(),l.hoverResolver.reset(),Object.assign(l,this.initPrograms(l.primitives,l.settings));var d=O(this.customLayerPrograms.values()),u;try{for(d.s();!(u=d.n()).done;){var c=u.value;c.program.kill(),c.program=c.factory(this.webGLContext)}}catch(g){d.e(g)}finally{d.f()}this.contextLost=!1,this.emit("webglContextRestored"),this.refresh()}},{key:"createLayer",value:function(n,r){var i=arguments.length>2&&arguments[2]!==void 0?arguments[2]:{};if(this.extraElements[n])throw new Error('Sigma: a layer named "'.concat(n,'" already exists'));var o=It(r,{position:"absolute"},{class:"sigma-".concat(n)});return i.style&&Object.assign(o.style,i.style),this.extraElements[n]=o,"beforeLayer"in i&&i.beforeLayer?this.getLayerElement(i.beforeLayer).before(o):"afterLayer"in i&&i.afterLayer?this.getLayerElement(i.afterLayer).after(o):this.container.appendChild(o),o}},{key:"createCanvas",value:function(n){var r=arguments.length>1&&arguments[1]!==void 0?arguments[1]:{};return this.createLayer(n,"canvas",r)}},{key:"createWebGLContext",value:function(n){var r=arguments.length>1&&arguments[1]!==void 0?arguments[1]:{},i=this.createCanvas(n,r);r.hidden&&i.remove();var o=i.getContext("webgl2",B({preserveDrawingBuffer:!1,antialias:!1,depth:!0},r));if(!o)throw new Error("Sigma: WebGL 2 is not supported by your browser. Please use a modern browser (Chrome 56+, Firefox 51+, Safari 15+, Edge 79+).");return o.blendFunc(o.ONE,o.ONE_MINUS_SRC_ALPHA),o}},{key:"killLayer",value:function(n){if(n==="stage"||n==="mouse")throw new Error('Sigma: cannot kill built-in layer "'.concat(n,'"'));var r=this.extraElements[n];if(!r)throw new Error("Sigma: cannot kill layer ".concat(n,", which does not exist"));return r.remove(),delete this.extraElements[n],this}},{key:"getWebGLContext",value:function(){if(!this.webGLContext)throw new Error("Sigma: WebGL context is not available");return this.webGLContext}},{key:"getNodeDataTexture",value:function(){if(!this.internals.nodeDataTexture)throw new Error("Sigma: node data texture is not available");return this.internals.nodeDataTexture}},{key:"getNormalizationFunction",value:function(){return this.normalizationFunction}},{key:"addCustomLayerProgram",value:function(n,r,i){var o;if(!this.depthLayers.includes(r))throw new Error('Sigma: cannot add custom layer program at depth "'.concat(r,'", ')+"it must be declared in primitives.depthLayers. Current layers: ".concat(this.depthLayers.join(", ")));(o=this.customLayerPrograms.get(n))===null||o===void 0||o.program.kill();var s=i(this.webGLContext);return this.customLayerPrograms.set(n,{depth:r,factory:i,program:s}),s.cacheData&&s.cacheData(),this.scheduleRender(),this}},{key:"removeCustomLayerProgram",value:function(n){var r=this.customLayerPrograms.get(n);return r&&(r.program.kill(),this.customLayerPrograms.delete(n),this.scheduleRender()),this}},{key:"getCamera",value:function(){return this.camera}},{key:"setCamera",value:function(n){return this.camera.cancelAnimation(),this.unbindCameraHandlers(),this.camera=n,this.bindCameraHandlers(),this.scheduleRender(),this}},{key:"getContainer",value:function(){return this.container}},{key:"getGraph",value:function(){return this.internals.graph}},{key:"setGraph",value:function(n){return n===this.internals.graph?this:(this.stateManager.pruneNodes(function(r){return n.hasNode(r)}),this.stateManager.pruneEdges(function(r){return n.hasEdge(r)}),this.unbindGraphHandlers(),this.checkEdgesEventsFrame!==null&&(cancelAnimationFrame(this.checkEdgesEventsFrame),this.checkEdgesEventsFrame=null),this.internals.graph=n,this.autoRescaleFrozen=!1,this.bindGraphHandlers(),this.refresh(),this)}},{key:"getMouseCaptor",value:function(){return this.mouseCaptor}},{key:"getTouchCaptor",value:function(){return this.touchCaptor}},{key:"getDimensions",value:function(){return{width:this.width,height:this.height}}},{key:"getGraphDimensions",value:function(){var n=this.customBBox||this.nodeExtent;return{width:n.x[1]-n.x[0]||1,height:n.y[1]-n.y[0]||1}}},{key:"getNodeDisplayData",value:function(n){var r=this.internals.nodeDataCache[n];return r?Object.assign({},r):void 0}},{key:"getEdgeDisplayData",value:function(n){var r=this.internals.edgeDataCache[n];return r?Object.assign({},r):void 0}},{key:"getNodeState",value:function(n){return this.stateManager.getNodeState(n)}},{key:"getEdgeState",value:function(n){return this.stateManager.getEdgeState(n)}},{key:"getGraphState",value:function(){return this.stateManager.getGraphState()}},{key:"setNodeState",value:function(n,r){return this.stateManager.setNodeState(n,r),this}},{key:"setEdgeState",value:function(n,r){return this.stateManager.setEdgeState(n,r),this}},{key:"setGraphState",value:function(n){return this.stateManager.setGraphState(n),this}},{key:"_setPanning",value:function(n){this.stateManager.setGraphState({isPanning:n})}},{key:"_setZooming",value:function(n){this.stateManager.setGraphState({isZooming:n})}},{key:"_hasNodeDrag",value:function(){var n=this.internals.dragManager;return!!(n.pendingNode||n.session)}},{key:"_showGestureHint",value:function(n){var r=this.internals.settings;r.gestureTarget==="shared"&&(this.gestureHint=this.gestureHint||new _h(this.container),this.gestureHint.show(n,r))}},{key:"setNodesState",value:function(n,r){return this.stateManager.setNodesState(n,r),this}},{key:"setEdgesState",value:function(n,r){return this.stateManager.setEdgesState(n,r),this}},{key:"updateContainerCursor",value:function(){var n=this.stateManager.hovered,r=this.resolvedStageStyle.cursor||"";this.container.style.cursor=n&&oh(this.internals,n)||r}},{key:"refreshStageStyle",value:function(){this.resolvedStageStyle=nr(this.stylesDeclaration.stage,this.stateManager.graphState),this.resolvedStageStyle.background!==void 0&&(this.container.style.backgroundColor=this.resolvedStageStyle.background),this.updateContainerCursor()}},{key:"getNodeDisplayedLabels",value:function(){return new Set(this.labelRenderer.displayedNodeLabels)}},{key:"getEdgeDisplayedLabels",value:function(){return new Set(this.labelRenderer.displayedEdgeLabels)}},{key:"getSettings",value:function(){return B({},this.internals.settings)}},{key:"getSetting",value:function(n){return this.internals.settings[n]}},{key:"getStyles",value:function(){return B({},this.stylesDeclaration)}},{key:"getPrimitives",value:function(){return B({},this.internals.primitives)}},{key:"setSetting",value:function(n,r){return this.internals.settings[n]=r,na(this.internals.settings),this.handleSettingsUpdate(),this.scheduleRefresh(),this}},{key:"updateSetting",value:function(n,r){return this.setSetting(n,r(this.internals.settings[n])),this}},{key:"setSettings",value:function(n){return this.internals.settings=B(B({},this.internals.settings),n),na(this.internals.settings),this.handleSettingsUpdate(),this.scheduleRefresh(),this}},{key:"resize",value:function(n){var r=this.width,i=this.height;if(this.width=this.container.offsetWidth,this.height=this.container.offsetHeight,this.internals.pixelRatio=cn(),this.width===0)if(this.internals.settings.allowInvalidContainer)this.width=1;else throw new Error("Sigma: Container has no width. You can set the allowInvalidContainer setting to true to stop seeing this error.");if(this.height===0)if(this.internals.settings.allowInvalidContainer)this.height=1;else throw new Error("Sigma: Container has no height. You can set the allowInvalidContainer setting to true to stop seeing this error.");if(!n&&r===this.width&&i===this.height)return this;this.labelRenderer.labelsDirty=!0;for(var o=0,s=[this.mouseLayer].concat(q(Object.values(this.extraElements)));o<s.length;o++){var l=s[o];l.style.width=this.width+"px",l.style.height=this.height+"px"}return this.webGLContext&&(this.stageCanvas.setAttribute("width",this.width*this.internals.pixelRatio+"px"),this.stageCanvas.setAttribute("height",this.height*this.internals.pixelRatio+"px"),this.webGLContext.viewport(0,0,this.width*this.internals.pixelRatio,this.height*this.internals.pixelRatio)),this.emit("resize"),this}},{key:"clear",value:function(){return this.emit("beforeClear"),this.webGLContext.bindFramebuffer(WebGLRenderingContext.FRAMEBUFFER,null),this.webGLContext.clear(WebGLRenderingContext.COLOR_BUFFER_BIT),this.emit("afterClear"),this}},{key:"scheduleStateRefresh",value:function(){this.needToRefreshState=!0,this.scheduleRender()}},{key:"refreshState",value:function(){var n=this,r;this.stateManager.flushGraphStateFlags();var i=this.stateManager.graphStateChanged&&this.internals.nodeStyleAnalysis.dependency==="graph-state",o=this.stateManager.graphStateChanged&&this.edgeStyleAnalysis.dependency==="graph-state",s=!1;if(i)this.internals.graph.forEachNode(function(h){n.refreshNodeState(h)&&(s=!0)});else if(this.internals.nodeStyleAnalysis.dependency!=="static"){var l=O(this.stateManager.dirtyNodes),d;try{for(l.s();!(d=l.n()).done;){var u=d.value;this.refreshNodeState(u)&&(s=!0)}}catch(h){l.e(h)}finally{l.f()}}if(o)this.internals.graph.forEachEdge(function(h){n.refreshEdgeState(h)&&(s=!0)});else if(this.edgeStyleAnalysis.dependency!=="static"){var c=O(this.stateManager.dirtyEdges),g;try{for(c.s();!(g=c.n()).done;){var f=g.value;this.refreshEdgeState(f)&&(s=!0)}}catch(h){c.e(h)}finally{c.f()}}this.stateManager.graphStateChanged&&(r=this.stylesDeclaration)!==null&&r!==void 0&&r.stage&&this.refreshStageStyle(),this.stateManager.clearDirtyTracking(),s&&(this.pendingProcess="full")}},{key:"refreshNodeState",value:function(n){var r=this.internals.nodeDataCache[n];if(!r||this.nodeReducer){var i,o,s,l,d=(i=this.internals.nodeDataCache[n])===null||i===void 0?void 0:i.depth,u=(o=this.internals.nodeDataCache[n])===null||o===void 0?void 0:o.zIndex,c=(s=this.internals.nodeDataCache[n])===null||s===void 0?void 0:s.labelAttachment;this.updateNode(n);var g=this.internals.nodeDataCache[n];this.internals.attachmentManager&&g.labelAttachment!==c&&this.internals.attachmentManager.invalidateNode(n);var f;this.internals.nodeShapeMap&&this.internals.nodeGlobalShapeIds&&g.shape&&g.shape in this.internals.nodeShapeMap?f=this.internals.nodeGlobalShapeIds[this.internals.nodeShapeMap[g.shape]]:f=vn(g.shape||"circle"),(l=this.internals.nodeDataTexture).updateNode.apply(l,[n,g.x,g.y,g.size,f].concat(q(Jn(g)),[g.color])),d&&g.depth!==d&&this.updateNodeDepthRanges(n,d,g.depth);var h=this.nodeProgramIndex[n];return h!==void 0&&(this.addNodeToProgram(n,h),this.nodeProgram.invalidateBuffers()),u!==void 0&&g.zIndex!==u}var m=this.internals.graph.getNodeAttributes(n),v=this.stateManager.getNodeState(n),p=r.size,y=r.shape,b=r.depth,_=r.zIndex,x=r.labelAttachment,T=r.rotationAlignment,w=r.labelRotationAlignment,E=r.color;er(this.stylesDeclaration.nodes,m,v,this.stateManager.graphState,this.internals.graph,r),this.postEvaluateNode(r,m,v);var C=this.nodeGraphCoords[n],R=r.x!==C.x||r.y!==C.y;if(R&&(C.x=r.x,C.y=r.y),this.normalizationFunction.applyTo(r),this.internals.nodeShapeMap?(!r.shape||!(r.shape in this.internals.nodeShapeMap))&&(r.shape=Object.keys(this.internals.nodeShapeMap)[0]):this.nodeShapeSlug&&(r.shape=this.nodeShapeSlug),this.internals.attachmentManager&&r.labelAttachment!==x&&this.internals.attachmentManager.invalidateNode(n),st(this.internals.nodesWithForcedLabels,n,Ye(r)),st(this.internals.nodesWithBackdrop,n,ir(r)),R||r.size!==p||r.shape!==y||r.rotationAlignment!==T||r.labelRotationAlignment!==w||r.color!==E){var I,A;this.internals.nodeShapeMap&&this.internals.nodeGlobalShapeIds&&r.shape&&r.shape in this.internals.nodeShapeMap?A=this.internals.nodeGlobalShapeIds[this.internals.nodeShapeMap[r.shape]]:A=vn(r.shape||"circle"),(I=this.internals.nodeDataTexture).updateNode.apply(I,[n,r.x,r.y,r.size,A].concat(q(Jn(r)),[r.color]))}this.itemBuckets.nodes.set(n,r.depth),r.depth!==b&&this.updateNodeDepthRanges(n,b,r.depth);var P=this.nodeProgramIndex[n];return P!==void 0&&(this.addNodeToProgram(n,P),this.nodeProgram.invalidateBuffers()),r.zIndex!==_}},{key:"refreshEdgeState",value:function(n){var r=this.internals.edgeDataCache[n];if(!r||this.edgeReducer){var i=r?.depth,o=r?.zIndex;this.updateEdge(n);var s=this.internals.edgeDataCache[n];i&&s.depth!==i&&this.updateEdgeDepthRanges(n,i,s.depth);var l=this.edgeProgramIndex[n];return l!==void 0&&(this.addEdgeToProgram(n,l),this.edgeProgram.invalidateBuffers()),o!==void 0&&s.zIndex!==o}var d=this.internals.graph.getEdgeAttributes(n),u=this.stateManager.getEdgeState(n),c=r.depth,g=r.zIndex,f=r.size,h=r.path,m=r.selfLoopPath,v=r.parallelPath,p=r.head,y=r.tail;tr(this.stylesDeclaration.edges,d,u,this.stateManager.graphState,this.internals.graph,r),this.postEvaluateEdge(r,d),this.applyEdgeSpread(n,r,u),st(this.internals.edgesWithForcedLabels,n,Ye(r)),this.itemBuckets.edges.set(n,r.depth),r.depth!==c&&this.updateEdgeDepthRanges(n,c,r.depth);var b=this.edgeProgramIndex[n];if(b!==void 0){var _=r.size!==f||r.path!==h||r.selfLoopPath!==m||r.parallelPath!==v||r.head!==p||r.tail!==y;if(_)this.addEdgeToProgram(n,b),this.edgeProgram.invalidateBuffers();else{var x=this.internals.graph.source(n),T=this.internals.graph.target(n),w=this.internals.nodeDataCache[x],E=this.internals.nodeDataCache[T],C=this.edgeTextureIndexCache[n];this.edgeProgram.process(ft(this.pickingState,"edge",n),b,w,E,r,C),this.edgeProgram.invalidateBuffers()}}return r.zIndex!==g}},{key:"refresh",value:function(n){var r=this,i=n?.skipIndexation!==void 0?n?.skipIndexation:!1,o=n?.schedule!==void 0?n.schedule:!1,s=!n||!n.partialGraph;if(s)this.clearEdgeIndices(),this.clearNodeIndices(),this.internals.graph.forEachNode(function(w){return r.addNode(w)}),this.edgeGroups.rebuild(),this.internals.graph.forEachEdge(function(w){return r.addEdge(w)}),this.pendingProcess="full";else{for(var l,d,u=((l=n.partialGraph)===null||l===void 0?void 0:l.nodes)||[],c=0,g=u?.length||0;c<g;c++){var f,h,m=""+u[c],v=(f=this.internals.nodeDataCache[m])===null||f===void 0?void 0:f.labelAttachment;if(this.updateNode(m),this.internals.attachmentManager&&((h=this.internals.nodeDataCache[m])!==null&&h!==void 0&&h.labelAttachment||v)&&this.internals.attachmentManager.invalidateNode(m),i){var p=this.nodeProgramIndex[m];if(p===void 0)throw new Error('Sigma: node "'.concat(m,`" can't be repaint`));this.addNodeToProgram(m,p)}}i&&u.length>0&&(this.nodeProgram.invalidateBuffers(),this.labelRenderer.labelsDirty=!0);for(var y=(n==null||(d=n.partialGraph)===null||d===void 0?void 0:d.edges)||[],b=0,_=y.length;b<_;b++){var x=""+y[b];if(this.updateEdge(x),i){var T=this.edgeProgramIndex[x];if(T===void 0)throw new Error('Sigma: edge "'.concat(x,`" can't be repaint`));this.addEdgeToProgram(x,T)}}i&&y.length>0&&(this.edgeProgram.invalidateBuffers(),this.labelRenderer.labelsDirty=!0),!i&&this.pendingProcess!=="full"&&(this.pendingProcess=y.length>0?"full":"nodes")}return o?this.scheduleRender():this.render(),this}},{key:"scheduleRender",value:function(){var n=this;return this.renderFrame||(this.renderFrame=requestAnimationFrame(function(){n.render()})),this}},{key:"scheduleRefresh",value:function(n){return this.refresh(B(B({},n),{},{schedule:!0}))}},{key:"getViewportZoomedState",value:function(n,r){var i=this.camera.getState(),o=i.ratio,s=i.angle,l=i.x,d=i.y,u=this.internals.settings,c=u.minCameraRatio,g=u.maxCameraRatio;typeof g=="number"&&(r=Math.min(r,g)),typeof c=="number"&&(r=Math.max(r,c));var f=r/o,h={x:this.width/2,y:this.height/2},m=this.viewportToFramedGraph(n),v=this.viewportToFramedGraph(h);return{angle:s,x:(m.x-v.x)*(1-f)+l,y:(m.y-v.y)*(1-f)+d,ratio:r}}},{key:"viewRectangle",value:function(){var n=this.viewportToFramedGraph({x:0,y:0}),r=this.viewportToFramedGraph({x:this.width,y:0}),i=this.viewportToFramedGraph({x:0,y:this.height});return{x1:n.x,y1:n.y,x2:r.x,y2:r.y,height:r.y-i.y}}},{key:"framedGraphToViewport",value:function(n){var r=arguments.length>1&&arguments[1]!==void 0?arguments[1]:{},i=!!r.cameraState||!!r.viewportDimensions||!!r.graphDimensions||!!r.padding,o=r.matrix||(i?Xe(r.cameraState||this.camera.getState(),r.viewportDimensions||this.getDimensions(),r.graphDimensions||this.getGraphDimensions(),r.padding||this.getStagePadding()):this.matrix),s=Ct(o,n);return{x:(1+s.x)*this.width/2,y:(1-s.y)*this.height/2}}},{key:"viewportToFramedGraph",value:function(n){var r=arguments.length>1&&arguments[1]!==void 0?arguments[1]:{},i=!!r.cameraState||!!r.viewportDimensions||!!r.graphDimensions||!!r.padding,o=r.matrix||(i?Xe(r.cameraState||this.camera.getState(),r.viewportDimensions||this.getDimensions(),r.graphDimensions||this.getGraphDimensions(),r.padding||this.getStagePadding(),!0):this.invMatrix),s=Ct(o,{x:n.x/this.width*2-1,y:1-n.y/this.height*2});return isNaN(s.x)&&(s.x=0),isNaN(s.y)&&(s.y=0),s}},{key:"viewportToGraph",value:function(n){var r=arguments.length>1&&arguments[1]!==void 0?arguments[1]:{};return this.normalizationFunction.inverse(this.viewportToFramedGraph(n,r))}},{key:"graphToViewport",value:function(n){var r=arguments.length>1&&arguments[1]!==void 0?arguments[1]:{};return this.framedGraphToViewport(this.normalizationFunction(n),r)}},{key:"graphToFramedGraph",value:function(n){return this.normalizationFunction(n)}},{key:"framedGraphToGraph",value:function(n){return this.normalizationFunction.inverse(n)}},{key:"getGraphToViewportRatio",value:function(){var n={x:0,y:0},r={x:1,y:1},i=Math.sqrt(Math.pow(n.x-r.x,2)+Math.pow(n.y-r.y,2)),o=this.graphToViewport(n),s=this.graphToViewport(r),l=Math.sqrt(Math.pow(o.x-s.x,2)+Math.pow(o.y-s.y,2));return l/i}},{key:"computeNodeExtent",value:function(){var n=this.nodeGraphCoords,r=Object.keys(n);if(!r.length)return{x:[0,1],y:[0,1]};for(var i=1/0,o=-1/0,s=1/0,l=-1/0,d=0,u=r.length;d<u;d++){var c=n[r[d]],g=c.x,f=c.y;g<i&&(i=g),g>o&&(o=g),f<s&&(s=f),f>l&&(l=f)}return{x:[i,o],y:[s,l]}}},{key:"getBBox",value:function(){return this.nodeExtent}},{key:"getCustomBBox",value:function(){return this.customBBox}},{key:"setCustomBBox",value:function(n){return this.customBBox=n,this.scheduleRender(),this}},{key:"kill",value:function(){var n,r,i,o,s;this.emit("kill"),this.removeAllListeners(),this.camera.cancelAnimation(),this.unbindCameraHandlers(),window.removeEventListener("resize",this.activeListeners.handleResize),this.mouseCaptor.kill(),this.touchCaptor.kill(),this.internals.hoverResolver.kill(),this.unbindGraphHandlers(),this.clearIndices(),this.clearState(),this.internals.nodeDataCache={},this.internals.edgeDataCache={},this.renderFrame&&(cancelAnimationFrame(this.renderFrame),this.renderFrame=null);for(var l=this.container;l.firstChild;)l.removeChild(l.firstChild);this.nodeProgram.kill(),this.nodeFramePass.kill(),this.edgeProgram.kill(),this.edgeFramePass.kill(),this.internals.labelProgram.kill(),(n=this.internals.edgeLabelProgram)===null||n===void 0||n.kill(),(r=this.internals.edgeLabelBackgroundProgram)===null||r===void 0||r.kill(),this.internals.backdropProgram.kill(),this.internals.labelBackgroundProgram.kill(),(i=this.internals.attachmentProgram)===null||i===void 0||i.kill(),(o=this.internals.attachmentManager)===null||o===void 0||o.kill(),this.internals.attachmentProgram=null,this.internals.attachmentManager=null;var d=O(this.customLayerPrograms.values()),u;try{for(d.s();!(u=d.n()).done;){var c=u.value.program;c.kill()}}catch(h){d.e(h)}finally{d.f()}if(this.customLayerPrograms.clear(),this.sdfAtlas&&(this.sdfAtlas=null),this.internals.nodeDataTexture&&(this.internals.nodeDataTexture.kill(),this.internals.nodeDataTexture=null),this.internals.nodeFrameTexture&&(this.internals.nodeFrameTexture.kill(),this.internals.nodeFrameTexture=null),this.internals.edgeDataTexture&&(this.internals.edgeDataTexture.kill(),this.internals.edgeDataTexture=null),this.internals.edgeFrameTexture&&(this.internals.edgeFrameTexture.kill(),this.internals.edgeFrameTexture=null),this.webGLContext){var g;(g=this.webGLContext.getExtension("WEBGL_lose_context"))===null||g===void 0||g.loseContext(),this.webGLContext=null}(s=this.gestureHint)===null||s===void 0||s.kill(),this.gestureHint=null,this.mouseLayer.remove();for(var f in this.extraElements)this.extraElements[f].remove();this.extraElements={}}},{key:"scaleSize",value:function(){var n=arguments.length>0&&arguments[0]!==void 0?arguments[0]:1,r=arguments.length>1&&arguments[1]!==void 0?arguments[1]:this.camera.ratio;return n/this.internals.settings.zoomToSizeRatioFunction(r)*(this.getSetting("itemSizesReference")==="positions"?r*this.graphToViewportRatio:1)}},{key:"getStageCanvas",value:function(){return this.stageCanvas}},{key:"getMouseLayer",value:function(){return this.mouseLayer}}])})(Qn),cs=Ch;var cg=rt(St());function hs(a,e){return typeof a=="number"?a:(J(a)==="object"&&a!==null&&"attribute"in a,e)}function ps(a){var e=a??{},t=e.cornerRadius,n=e.rotation,r=hs(t,0),i=hs(n,0),o=`
`.concat(yn,`
float sdf_square(vec2 uv, float size, float cornerRadius, float rotation) {
  // Apply rotation if needed
  vec2 p = uv;
  if (rotation != 0.0) {
    p = rotate2D(rotation) * p;
  }

  // Distance to box with given corner radius
  // Based on Inigo Quilez's box SDF: https://iquilezles.org/articles/distfunctions2d/
  vec2 d = abs(p) - vec2(size - cornerRadius);
  return length(max(d, 0.0)) + min(max(d.x, d.y), 0.0) - cornerRadius;
}
`);return{name:"square",glsl:o,uniforms:[{name:"u_cornerRadius",type:"float",value:r},{name:"u_rotation",type:"float",value:i}],inradiusFactor:Math.SQRT1_2}}function fs(a,e){return typeof a=="number"?a:(J(a)==="object"&&a!==null&&"attribute"in a,e)}function vs(a){var e=a??{},t=e.cornerRadius,n=e.rotation,r=fs(t,0),i=fs(n,0),o=`
`.concat(yn,`
float sdf_triangle(vec2 uv, float size, float cornerRadius, float rotation) {
  // Apply rotation if needed
  vec2 p = uv;
  if (rotation != 0.0) {
    p = rotate2D(rotation) * p;
  }

  // Equilateral triangle SDF
  // Based on Inigo Quilez's triangle SDF: https://iquilezles.org/articles/distfunctions2d/
  //
  // The IQ formula uses parameter 'r' where the triangle has width = 2r.
  // For circumradius R (distance from centroid to vertex):
  //   R = r * 2 / sqrt(3), so r = R * sqrt(3) / 2
  const float k = sqrt(3.0);
  float r = size * k / 2.0;

  p.x = abs(p.x) - r;
  p.y = p.y + r / k;
  if (p.x + k * p.y > 0.0) {
    p = vec2(p.x - k * p.y, -k * p.x - p.y) / 2.0;
  }
  p.x -= clamp(p.x, -2.0 * r, 0.0);
  float dist = -length(p) * sign(p.y);

  // Apply corner radius if specified
  if (cornerRadius > 0.0) {
    dist = dist + cornerRadius;
  }

  return dist;
}
`);return{name:"triangle",glsl:o,uniforms:[{name:"u_cornerRadius",type:"float",value:r},{name:"u_rotation",type:"float",value:i}],inradiusFactor:.5}}function gs(a,e){return typeof a=="number"?a:(J(a)==="object"&&a!==null&&"attribute"in a,e)}function ms(a){var e=a??{},t=e.cornerRadius,n=e.rotation,r=gs(t,0),i=gs(n,0),o=`
`.concat(yn,`
float sdf_diamond(vec2 uv, float size, float cornerRadius, float rotation) {
  // Apply rotation if needed
  vec2 p = uv;
  if (rotation != 0.0) {
    p = rotate2D(rotation) * p;
  }

  // Diamond SDF - using rhombus formula from Inigo Quilez
  // https://iquilezles.org/articles/distfunctions2d/
  // For a diamond (square rotated 45°), b = (size, size)
  vec2 b = vec2(size, -size);
  p = abs(p);
  float h = clamp((dot(b, p) + b.y * b.y) / dot(b, b), 0.0, 1.0);
  p -= b * vec2(h, h - 1.0);
  float d = length(p) * sign(p.x);

  // Apply corner radius if specified
  if (cornerRadius > 0.0) {
    d = d + cornerRadius;
  }

  return d;
}
`);return{name:"diamond",glsl:o,uniforms:[{name:"u_cornerRadius",type:"float",value:r},{name:"u_rotation",type:"float",value:i}],inradiusFactor:Math.SQRT1_2}}var Lh="pixels",kh="butt";function Ph(a){return a===void 0||a===!1?{tail:!1,head:!1}:a===!0?{tail:!0,head:!0}:a==="head"?{tail:!1,head:!0}:{tail:!0,head:!1}}function Fh(a){var e,t;return a===void 0?{tail:0,head:0}:typeof a=="number"?{tail:a,head:a}:{tail:(e=a.tail)!==null&&e!==void 0?e:0,head:(t=a.head)!==null&&t!==void 0?t:0}}function ys(a){var e,t,n,r,i,o,s,l=a??{},d=(e=l.dashColor)!==null&&e!==void 0?e:{attribute:"color"},u=(t=l.gapColor)!==null&&t!==void 0?t:0,c={dashSize:(n=l.dashSize)!==null&&n!==void 0?n:{value:10,mode:"pixels"},gapSize:(r=l.gapSize)!==null&&r!==void 0?r:{value:10,mode:"pixels"},dashOffset:(i=l.dashOffset)!==null&&i!==void 0?i:{value:0,mode:"pixels"}},g=(o=l.align)!==null&&o!==void 0?o:.5,f=(s=l.cap)!==null&&s!==void 0?s:kh,h=Ph(l.solidExtremities),m=Fh(l.solidMargin),v=ln(d,"dashColor"),p=[c.dashSize,c.gapSize,c.dashOffset].map(function(A){var P;return((P=A.mode)!==null&&P!==void 0?P:Lh)==="relative"?1:0}),y=[{name:"u_sizeMode",type:"vec3",value:p},{name:"u_align",type:"float",value:g},{name:"u_solidExtremities",type:"vec2",value:[h.tail?1:0,h.head?1:0]},{name:"u_solidMargin",type:"vec2",value:[m.tail,m.head]}],b=q(v.attributes),_=v.needsNodeColors,x;if(typeof u=="number")x="vec4(dashColor.rgb, dashColor.a * ".concat(de(u),")");else{var T=ln(u,"gapColor");x=T.glsl,b.push.apply(b,q(T.attributes)),_=_||T.needsNodeColors}var w=!("value"in c.dashSize),E=!("value"in c.gapSize),C=!("value"in c.dashOffset);["dashSize","gapSize","dashOffset"].forEach(function(A){if("value"in c[A])y.push({name:"u_".concat(A),type:"float",value:c[A].value});else{var P;b.push({name:"a_".concat(A),size:1,type:WebGL2RenderingContext.FLOAT,source:c[A].attribute}),y.push({name:"u_".concat(A),type:"float",value:(P=c[A].default)!==null&&P!==void 0?P:0})}});var R=function(P,D){return D?"(v_".concat(P," > 0.0 ? v_").concat(P," : u_").concat(P,")"):"u_".concat(P)},I=`
// Dashed pattern layer with antialiased boundaries
// Uniforms:
//   u_dashSize: size of each dash (or default when using attribute)
//   u_gapSize: size of gaps between dashes (or default when using attribute)
//   u_dashOffset: offset to shift the pattern (or default when using attribute)
//   u_sizeMode: vec3 indicating if values are thickness-relative (x=dash, y=gap, z=offset)
//   u_align: pattern alignment (0=start, 0.5=center, 1=end)
//   u_solidExtremities: vec2(tail, head) - 1.0 means solid, 0.0 means dashed
//   u_solidMargin: vec2(tail, head) - extra solid margin in pixels
`.concat(w?"// Varying: v_dashSize for per-edge dash size":"",`
`).concat(E?"// Varying: v_gapSize for per-edge gap size":"",`
`).concat(C?"// Varying: v_dashOffset for per-edge dash offset":"",`

vec4 layer_dashed(EdgeContext ctx) {
  // Dash color (straight alpha, matching v_color and blendOver)
  vec4 dashColor = `).concat(v.glsl,`;

  // Check for solid zones first (extremities and margins)
  // v_zone: 0=tail extremity, 1=body, 2=head extremity
  // v_tailLengthRatio and v_headLengthRatio give extremity lengths as ratio of thickness

  // Tail solid zone check
  if (u_solidExtremities.x > 0.5 && v_zone < 0.5) {
    // In tail extremity zone and solidExtremities.tail is enabled
    return dashColor;
  }
  // Head solid zone check
  if (u_solidExtremities.y > 0.5 && v_zone > 1.5) {
    // In head extremity zone and solidExtremities.head is enabled
    return dashColor;
  }

  // Compute extremity lengths in world units for margin calculation
  float tailExtremityLength = v_tailLengthRatio * ctx.thickness;
  float headExtremityLength = v_headLengthRatio * ctx.thickness;

  // Convert pixel margins to world units (same formula as thickness conversion)
  float tailMarginWorld = u_solidMargin.x * u_correctionRatio / u_sizeRatio;
  float headMarginWorld = u_solidMargin.y * u_correctionRatio / u_sizeRatio;

  // Tail margin check (margin starts after extremity zone)
  float tailSolidZone = (u_solidExtremities.x > 0.5 ? tailExtremityLength : 0.0) + tailMarginWorld;
  if (ctx.distanceFromSource < tailSolidZone) {
    return dashColor;
  }

  // Head margin check (margin starts before extremity zone)
  float headSolidZone = (u_solidExtremities.y > 0.5 ? headExtremityLength : 0.0) + headMarginWorld;
  if (ctx.distanceToTarget < headSolidZone) {
    return dashColor;
  }

  // Get dash size values (from attribute if available, otherwise uniform)
  float dashSizeValue = `).concat(R("dashSize",w),`;
  float gapSizeValue = `).concat(R("gapSize",E),`;
  float dashOffsetValue = `).concat(R("dashOffset",C),`;

  // Compute actual sizes (either in pixels converted to world units, or relative to thickness)
  float pixelToWorld = u_correctionRatio / u_sizeRatio;
  float dashSize = dashSizeValue * (u_sizeMode.x > 0.5 ? ctx.thickness : pixelToWorld);
  float gapSize = gapSizeValue * (u_sizeMode.y > 0.5 ? ctx.thickness : pixelToWorld);
  float dashOffset = dashOffsetValue * (u_sizeMode.z > 0.5 ? ctx.thickness : pixelToWorld);

  // Early return when no visible dash pattern:
  // - dashSize ≈ 0: no dashes to show, return transparent (let plain layer show through)
  // - gapSize ≈ 0: all dash/no gap, effectively solid, return transparent (let plain layer handle it)
  // Threshold scales with pixelToWorld so it stays ~0.1px regardless of zoom
  float dashThreshold = 0.1 * pixelToWorld;
  if (dashSize < dashThreshold || gapSize < dashThreshold) {
    return vec4(0.0);
  }

  // Pattern length is dash + gap
  float patternLength = dashSize + gapSize;

  // Adjust distances for solid zones (pattern starts after solid zones)
  float adjustedDistFromSource = ctx.distanceFromSource - tailSolidZone;
  float adjustedDistToTarget = ctx.distanceToTarget - headSolidZone;

  // Compute alignment anchor point
  // - align: 0 → anchor at start, pattern begins with a dash
  // - align: 1 → anchor at end, pattern ends with a dash
  // - align: 0.5 → anchor at center, pattern is symmetric
  float dashedLength = adjustedDistFromSource + adjustedDistToTarget;
  float anchorDist = u_align * dashedLength;

  // Position within the repeating pattern
  // By subtracting anchorDist, we ensure the anchor point maps to position 0 in the pattern
  // This avoids the unstable mod(dashedLength, patternLength) operation
  float posInPattern = mod(adjustedDistFromSource - anchorDist + dashOffset, patternLength);

  // Signed longitudinal distance to the nearest dash center, wrapping across
  // pattern repetitions so both dash edges antialias correctly
  float longFromCenter =
    mod(posInPattern - dashSize * 0.5 + patternLength * 0.5, patternLength) - patternLength * 0.5;

  // Compute signed distance field for the dash
  // Positive inside dash, negative inside gap
`).concat(f==="round"?`  // Capsule SDF: round caps carved inside the dash length, so a dash never
  // exceeds dashSize. Dashes shorter than the thickness degenerate to circles
  // (dots) of diameter dashSize.
  // ctx.sdf is 0 at the stroke boundary, so shift it back to centerline distance
  float transverse = ctx.sdf + ctx.thickness * 0.5;
  float capRadius = min(ctx.thickness, dashSize) * 0.5;
  float halfLength = dashSize * 0.5 - capRadius;
  vec2 q = vec2(max(abs(longFromCenter) - halfLength, 0.0), transverse);
  float sdf = capRadius - length(q);`:"  float sdf = dashSize * 0.5 - abs(longFromCenter);",`

  // Apply antialiasing using smoothstep
  // aaWidth is in world units, same as our distance
  float dashAlpha = smoothstep(-ctx.aaWidth, ctx.aaWidth, sdf);

  // Gap color (straight alpha, like the dash color)
  vec4 gapColor = `).concat(x,`;

  // Blend between gap and dash colors
  return mix(gapColor, dashColor, dashAlpha);
}
`);return{name:"dashed",glsl:I,uniforms:y,attributes:b,needsNodeColors:_}}function bs(a){var e=a??{},t=e.lengthRatio,n=t===void 0?5:t,r=e.widthRatio,i=r===void 0?4:r,o=e.margin,s=o===void 0?0:o,l=`
// Arrow SDF: triangle with base at x=0, tip at x=lengthRatio
// uv.x: 0 (base) to lengthRatio (tip), uv.y: [-halfW, +halfW]
// Returns signed distance (negative inside, positive outside)
float extremity_arrow(vec2 uv, float lengthRatio, float widthRatio) {
  float x = uv.x;
  float y = abs(uv.y);
  float halfW = widthRatio * 0.5;

  // Past the tip: euclidean distance to tip point
  if (x > lengthRatio) {
    return length(vec2(x - lengthRatio, y));
  }

  // Back edge: signed distance to x=0 line
  float backDist = -x;

  // Side edge: signed distance to sloped triangle edge
  float clampedX = max(0.0, x);
  float maxY = halfW * (1.0 - clampedX / lengthRatio);
  float sideDist = y - maxY;

  // Convex shape SDF = max of half-plane distances
  return max(backDist, sideDist);
}
`;return{name:"arrow",glsl:l,length:n,widthFactor:i,margin:s,uniforms:[],attributes:[]}}var Ih={Deployment:"deploy",StatefulSet:"sts",DaemonSet:"ds",ReplicaSet:"rs",Job:"job",CronJob:"cronjob",Pod:"pod",Service:"svc",Ingress:"ing",ConfigMap:"cm",Secret:"secret",ServiceAccount:"sa",PersistentVolumeClaim:"pvc",PersistentVolume:"pv",StorageClass:"sc",Node:"node",ReplicationController:"rc",HorizontalPodAutoscaler:"hpa",NetworkPolicy:"netpol",Gateway:"gw",HTTPRoute:"route",Endpoints:"ep",EndpointSlice:"eps"};function Nh(a){return Ih[a]||a.toLowerCase()}var Gh=new Set(["Deployment","StatefulSet","DaemonSet","ReplicaSet","Job","CronJob","ReplicationController"]),zh=new Set(["Service","Ingress","Gateway","HTTPRoute","GRPCRoute","TCPRoute"]),Mh=new Set(["PersistentVolumeClaim","PersistentVolume","StorageClass"]),Oh=new Set(["ConfigMap","Secret","ServiceAccount"]);function Bh(a){return Gh.has(a)?["square",1.25]:zh.has(a)?["diamond",1.35]:Mh.has(a)?["triangle",1.3]:Oh.has(a)?["circle",.9]:["circle",1.05]}function Wh(a,e){return a.length>e?`${a.slice(0,e-1)}…`:a}function xs(a){return`${Nh(a.kind)} ${Wh(a.label,20)}`}var Lr=15e3,Uh=2e3,ba=class{constructor(e,t){this.container=e,this.handlers=t,this.graph=new ie({multi:!0,type:"directed",allowSelfLoops:!1}),this.topo=null,this.boxes=[],this.boxById=new Map,this.drawnOf=new Map,this.highlight=null,this.selected=null,this.hovered=null,this.path=null,this.flashes=new Map,this.fading=new Map,this.hiddenKinds=new Set,this.frames=0,this.sparse=!1,this.allEdges=!1,this.hoverEdges=[];let n={itemSizesReference:"positions",zoomToSizeRatioFunction:i=>i,autoRescale:!0,stagePadding:24,enableCameraRotation:!1,labelRenderedSizeThreshold:4.5,labelDensity:100,labelGridCellSize:100,minEdgeThickness:1.2,minCameraRatio:.02,maxCameraRatio:8,zoomDuration:180,gestureTarget:"graph"},r=i=>this.highlight!==null&&!i.hl;this.sigma=new cs(this.graph,e,{settings:n,primitives:{nodes:{shapes:[on(),ps({cornerRadius:.15}),ms(),vs()],layers:[sn()]},edges:{paths:[dn()],extremities:[bs({lengthRatio:3,widthRatio:2.2})],layers:[Me({color:{attribute:"solid",default:"transparent"}}),ys({dashSize:{attribute:"dash",default:0,mode:"pixels"},gapSize:{attribute:"gap",default:0,mode:"pixels"},dashColor:{attribute:"color"}})]}},styles:{stage:{background:"transparent"},nodes:{x:{attribute:"x"},y:{attribute:"y"},shape:{attribute:"shape",defaultValue:"circle"},size:(i,o)=>o.isHovered||i.sel?i.size*1.3:i.size,color:i=>i.missing?ne.canvas:ye(i.health),opacity:i=>(i.fade??1)*(r(i)?.16:1),label:{attribute:"label"},labelColor:i=>r(i)?ne.muted:ne.fg,labelSize:11,labelFont:"system-ui, -apple-system, Segoe UI, Roboto, DejaVu Sans, sans-serif",labelVisibility:(i,o)=>o.isHovered||i.sel||i.hl||i.root||i.missing?"visible":r(i)?"hidden":"auto",visibility:i=>i.hidden?"hidden":"visible",depth:(i,o)=>o.isHovered||i.sel||i.hl?"topNodes":"nodes",cursor:"pointer"},edges:{size:i=>i.hot?.55:.22,color:i=>i.color,solid:i=>i.dash?"transparent":i.color,opacity:i=>(i.fade??1)*(this.highlight!==null&&!i.hl?.08:i.hot?1:.7),head:"arrow",visibility:i=>i.hidden||this.sparse&&!i.hot&&!i.hov&&!(i.hl&&this.highlight.size<=Uh)?"hidden":"visible",depth:i=>i.hot||i.hl?"topEdges":"edges"}}}),this.sigma.getCamera().minRatio=.02,this.boxCanvas=this.sigma.createCanvas("boxes",{beforeLayer:"stage"}),this.decorCanvas=this.sigma.createCanvas("decor",{afterLayer:"stage"}),this.decorCanvas.classList.add("no-pointer"),this.sigma.on("beforeRender",()=>{this.renderStart=performance.now()}),this.sigma.on("afterRender",()=>{this.frames++,this.drawBoxes(),this.drawDecor(),this.renderMs=performance.now()-this.renderStart,this.shownCamera=this.sigma.getCamera().getState(),this.clearLayerMove(),this.onFrame&&this.onFrame()}),this.installDeferral(),this.sigma.on("resize",()=>this.sizeCanvases()),this.sizeCanvases(),this.sigma.on("clickNode",({node:i})=>{t.hover(null),t.select(i)}),this.sigma.on("doubleClickNode",({node:i,preventSigmaDefault:o})=>{o(),this.graph.getNodeAttributes(i).data.expandable&&t.expand(i)}),this.sigma.on("enterNode",({node:i,event:o})=>{this.hovered=i,this.setHoverEdges(i),t.hover({node:this.graph.getNodeAttributes(i).data,x:o.x,y:o.y})}),this.sigma.on("leaveNode",()=>{this.hovered=null,this.setHoverEdges(null),t.hover(null)}),this.sigma.on("moveBody",({event:i})=>{let o=i.original&&i.original.target;if(this.hovered||o&&!this.container.contains(o)){this.hovered||t.hover(null);return}let s=this.boxAt(i.x,i.y);t.hover(s?{box:s,x:i.x,y:i.y}:null)}),this.sigma.on("clickStage",({event:i})=>{let o=this.boxAt(i.x,i.y);t.clickStage(o)}),this.sigma.getCamera().on("updated",()=>t.hover(null))}setHoverEdges(e){if(this.sparse){for(let t of this.hoverEdges)this.graph.hasEdge(t)&&this.graph.setEdgeAttribute(t,"hov",!1);this.hoverEdges=e&&this.graph.hasNode(e)?this.graph.edges(e):[];for(let t of this.hoverEdges)this.graph.setEdgeAttribute(t,"hov",!0)}}setAllEdges(e){this.allEdges=e,this.topo&&(this.sparse=this.drawsSparse(),this.sigma.refresh())}drawsSparse(){return!this.topo.summary&&this.topo.edges.length>Lr&&!this.allEdges}installDeferral(){let e=this.sigma,t=e.scheduleRender.bind(e);this.renderMs=0,this.shownCamera=null,this.deferring=!1,this.frameMoves=0,this.lastWheel=-1/0,this.container.addEventListener("wheel",()=>{this.lastWheel=performance.now()},{passive:!0,capture:!0}),e.scheduleRender=()=>{if(this.deferring)return e;if(this.shownCamera&&this.renderMs>20&&this.moving()){this.deferring=!0;let n=()=>{this.moving()?(this.moveLayers(),requestAnimationFrame(n)):(this.deferring=!1,t())};return this.moveLayers(),requestAnimationFrame(n),e}return t()}}moving(){let e=this.sigma.mouseCaptor,t=this.sigma.touchCaptor;return this.sigma.getCamera().isAnimating()||e.isMouseDown||e.currentWheelDirection!==0||t&&t.isMoving||performance.now()-this.lastWheel<150}isDeferring(){return this.deferring}moveLayers(){let e=this.sigma,t=e.getCamera().getState(),n=this.shownCamera;if(!n)return;let r=`${t.x} ${t.y} ${t.ratio}`;if(r===this.movedTo)return;this.movedTo=r;let i=e.framedGraphToViewport({x:0,y:0},{cameraState:n}),o=e.framedGraphToViewport({x:1,y:0},{cameraState:n}),s=e.framedGraphToViewport({x:0,y:0},{cameraState:t}),d=(e.framedGraphToViewport({x:1,y:0},{cameraState:t}).x-s.x)/(o.x-i.x||1),u=s.x-d*i.x,c=s.y-d*i.y,g=`translate(${u}px, ${c}px) scale(${d})`;for(let f of this.container.querySelectorAll("canvas"))f.style.transformOrigin="0 0",f.style.transform=g;this.layersMoved=!0,this.frameMoves++}clearLayerMove(){if(this.layersMoved){this.layersMoved=!1,this.movedTo=null;for(let e of this.container.querySelectorAll("canvas"))e.style.transform=""}}sizeCanvases(){let{width:e,height:t}=this.sigma.getDimensions(),n=window.devicePixelRatio||1;for(let r of[this.boxCanvas,this.decorCanvas])r.width=Math.round(e*n),r.height=Math.round(t*n),r.style.width=`${e}px`,r.style.height=`${t}px`;this.dpr=n}setTopology(e,{keepCamera:t=!1}={}){let n=performance.now();this.topo=e,this.fading.clear();let r=!e.summary&&e.edges.length>4e3;this.sparse=this.drawsSparse(),this.hoverEdges=[],this.sigma.setSetting("hideEdgesOnMove",r),this.sigma.setSetting("hideLabelsOnMove",r),this.setBoxes(e.boxes);let i=new ie({multi:!0,type:"directed",allowSelfLoops:!1}),o=this.highlight;this.selected&&!(e.nodes||[]).some(l=>l.id===this.selected)&&(this.selected=null);let s=this.selected;for(let l of e.summary?[]:e.nodes){let d=this.nodeAttrs(l,l.x,l.y);d.hl=o?o.has(l.id):!1,d.sel=l.id===s,i.addNode(l.id,d)}for(let l of e.summary?[]:e.edges){if(!i.hasNode(l.from)||!i.hasNode(l.to)||i.hasEdge(l.id))continue;let d=this.edgeAttrs(l,i.getNodeAttribute(l.to,"missing"));d.hidden=this.hiddenKinds.has(l.kind),d.hl=o?o.has(l.from)&&o.has(l.to):!1,d.hot=s!==null&&(l.from===s||l.to===s),i.addDirectedEdgeWithKey(l.id,l.from,l.to,d)}this.graph=i,this.applied={hl:o,sel:s},this.indexMembers(),this.fixExtent(),this.buildMs=performance.now()-n,t||this.sigma.getCamera().setState({x:.5,y:.5,ratio:1,angle:0}),this.sigma.setGraph(i),this.firstFrameMs=this.renderMs}mergeTopology(e){let t=this.topo;if(this.topo=e,!t||t.summary!==e.summary)return this.setTopology(e,{keepCamera:!0});let n=e.boxes.map(o=>{let s=this.boxById.get(o.id);return s?{...o,x:s.x,y:s.y,w:s.w,h:s.h}:o});this.setBoxes(n);let r=new Set;for(let o of e.summary?[]:e.nodes)if(r.add(o.id),this.graph.hasNode(o.id))this.updateDrawNode(o);else{let[s,l]=this.placeNear(o);this.addDrawNode(o,s,l),this.flashes.set(o.id,performance.now())}for(let o of this.graph.nodes())!r.has(o)&&!this.fading.has(o)&&this.fadeOut(o);let i=new Set;for(let o of e.summary?[]:e.edges)i.add(o.id),this.graph.hasEdge(o.id)?this.graph.mergeEdgeAttributes(o.id,{data:o}):this.addDrawEdge(o);for(let o of this.graph.edges())!i.has(o)&&!this.graph.getEdgeAttribute(o,"fade")&&this.graph.dropEdge(o);this.sigma.refresh(),this.indexMembers(),this.applyKindFilter(),this.applyHighlightAttrs({force:!0}),this.kick()}setBoxes(e){this.boxes=e,this.boxById=new Map(e.map(t=>[t.id,t])),this.leafBoxes=e.filter(t=>!e.some(n=>n.parent===t.id))}fixExtent(){let e=this.boxes.filter(s=>!s.parent);if(!e.length)return;let t=1/0,n=1/0,r=-1/0,i=-1/0;for(let s of e)t=Math.min(t,s.x),n=Math.min(n,s.y),r=Math.max(r,s.x+s.w),i=Math.max(i,s.y+s.h);let o=i-n;this.sigma.setCustomBBox({x:[t,r],y:[-(i+o*.12),-(n-o*.04)]})}nodeAttrs(e,t,n){let[r,i]=Bh(e.kind),o=(e.missing?Math.max(i,1.1):i)*(e.state==="error"?1.15:e.state==="warning"?1.07:1);return{x:t,y:-n,gx:t,gy:n,size:o,shape:r,label:xs(e),health:e.state,missing:e.missing,root:e.root_cause,kind:e.kind,data:e}}addDrawNode(e,t,n){this.graph.addNode(e.id,this.nodeAttrs(e,t,n))}updateDrawNode(e){this.graph.getNodeAttributes(e.id).health!==e.state&&this.flashes.set(e.id,performance.now()),this.graph.mergeNodeAttributes(e.id,{label:xs(e),health:e.state,missing:e.missing,root:e.root_cause,data:e})}edgeAttrs(e,t){return{kind:e.kind,color:it(e.kind),dash:t?5:0,gap:t?4:0,data:e}}addDrawEdge(e){!this.graph.hasNode(e.from)||!this.graph.hasNode(e.to)||this.graph.hasEdge(e.id)||this.graph.addDirectedEdgeWithKey(e.id,e.from,e.to,this.edgeAttrs(e,this.graph.getNodeAttribute(e.to,"missing")))}indexMembers(){this.drawnOf=new Map,this.graph.forEachNode((e,t)=>{this.drawnOf.set(e,e);for(let n of t.data.member_ids||[])this.drawnOf.has(n)||this.drawnOf.set(n,e)})}drawnFor(e){return this.drawnOf.get(e)||null}placeNear(e){let t=this.boxById.get(e.box),n=null,r=-1/0;if(this.graph.forEachNode((i,o)=>{o.data.box===e.box&&o.kind===e.kind&&!this.fading.has(o.data.id)&&(n=o.gx,r=Math.max(r,o.gy))}),n!==null){let i=r+4;return t&&i>t.y+t.h-2&&this.growBox(t,i+3-(t.y+t.h)),[n,i]}if(t){let i=t.y+t.h+1;return this.growBox(t,5),[t.x+4,i]}return[e.x,e.y]}growBox(e,t){for(let n=e;n;n=n.parent?this.boxById.get(n.parent):null)n.h+=t}fadeOut(e){this.fading.set(e,performance.now()),this.graph.forEachEdge(e,t=>this.graph.setEdgeAttribute(t,"fade",1)),this.kick()}applyChanges(e){let t=new Set(e.filter(r=>r.type==="edge_added"&&r.kind==="owns").map(r=>r.to)),n=0;for(let r of e)if(r.type==="health_changed"||r.type==="node_changed"){let i=this.drawnFor(r.id);if(!i)continue;if(n++,this.flashes.set(i,performance.now()),i===r.id){let o={...this.graph.getNodeAttribute(i,"data"),state:r.state,reason:r.reason,missing:r.missing};this.graph.mergeNodeAttributes(i,{health:r.state,missing:r.missing,data:o})}}else if(r.type==="node_removed")this.graph.hasNode(r.id)&&!this.fading.has(r.id)&&(n++,this.fadeOut(r.id));else if(r.type==="node_added"){if(this.graph.hasNode(r.id)||t.has(r.id)||!this.topo||this.topo.summary)continue;let i=this.boxFor(r);if(!i)continue;let o={id:r.id,label:r.name,kind:r.kind,namespace:r.namespace,state:r.state,reason:r.reason,box:i,x:0,y:0,members:0,member_ids:[],badge:null,expandable:!1,missing:r.missing,root_cause:!1,provisional:!0},[s,l]=this.placeNear(o);this.addDrawNode(o,s,l),this.drawnOf.set(r.id,r.id),this.flashes.set(r.id,performance.now()),n++}else if(r.type==="edge_added"){let i=`${r.from}|${r.kind}|${r.to}`;this.graph.hasNode(r.from)&&this.graph.hasNode(r.to)&&this.addDrawEdge({id:i,...r,count:1})}else if(r.type==="edge_removed"){let i=`${r.from}|${r.kind}|${r.to}`;this.graph.hasEdge(i)&&this.graph.dropEdge(i)}return this.sigma.refresh(),this.applyHighlightAttrs({force:!0}),this.kick(),n}boxFor(e){let t=e.id.split("/")[0],n=this.topo?.grouping||"namespace",r=null;return n==="cluster"?r=`cluster:${t}`:n==="namespace"&&(r=e.namespace?`cluster:${t}/namespace:${e.namespace}`:`cluster:${t}/cluster-scoped:cluster-scoped`),r&&this.boxById.has(r)?r:null}setHighlight(e){!e&&!this.highlight||(this.highlight=e?new Set(e):null,this.applyHighlightAttrs(),this.kick())}applyHighlightAttrs({force:e=!1}={}){let t=this.highlight;if(!e&&this.applied&&this.applied.hl===t&&this.applied.sel===this.selected)return;this.applied={hl:t,sel:this.selected},this.graph.updateEachNodeAttributes((r,i)=>(i.hl=t?t.has(r):!1,i.sel=r===this.selected,i));let n=this.selected;this.graph.updateEachEdgeAttributes((r,i,o,s)=>(i.hl=t?t.has(o)&&t.has(s):!1,i.hot=n!==null&&(o===n||s===n),i))}setSelected(e){let t=e&&this.graph.hasNode(e)?e:null;t===this.selected&&this.applied&&this.applied.sel===t||(this.selected=t,this.applyHighlightAttrs(),this.kick())}setPath(e,t){if(!e){if(!this.path)return;this.path=null,this.kick();return}let n=[],r=new Set,i=new Set;for(let[s,l]of e){let d=s&&this.drawnFor(s),u=this.drawnFor(l);u&&r.add(u),d&&r.add(d),d&&u&&d!==u&&!i.has(`${d}>${u}`)&&(i.add(`${d}>${u}`),n.push([d,u]))}let o=new Set((t||[]).map(s=>this.drawnFor(s)).filter(Boolean));this.path={segments:n,nodes:r,causes:o},this.kick()}neighbours(e){return this.graph.hasNode(e)?[...new Set(this.graph.neighbors(e))].filter(t=>!this.fading.has(t)):[]}step(e,t,n){let r=this.screenOf(e);if(!r)return null;let i=l=>{let d=this.screenOf(l),u=d.x-r.x,c=d.y-r.y,g=Math.hypot(u,c)||1,f=(u*t+c*n)/g;return f>.3?g/f:1/0},o=null,s=1/0;for(let l of this.neighbours(e)){let d=i(l);d<s&&([o,s]=[l,d])}return o||(this.graph.forEachNode((l,d)=>{if(l===e||d.hidden||this.fading.has(l))return;let u=i(l);u<s&&([o,s]=[l,u])}),o)}screenOf(e){if(!this.graph.hasNode(e))return null;let t=this.graph.getNodeAttributes(e);return this.sigma.graphToViewport({x:t.x,y:t.y})}reveal(e,{zoom:t=!1,right:n=0,center:r=!1}={}){let i=this.screenOf(e);if(!i)return;let{width:o,height:s}=this.sigma.getDimensions(),l=Math.max(200,o-n),d=60;if(i.x>d&&i.x<l-d&&i.y>d&&i.y<s-d&&!r)return;let c=this.sigma.getCamera(),g=t?Math.min(c.ratio,.5):c.ratio,f={x:l/2,y:s/2},h=this.sigma.getNodeDisplayData(e),m=this.sigma.viewportToFramedGraph(f),v=this.sigma.viewportToFramedGraph({x:o/2,y:s/2}),p=g/c.ratio;c.animate({x:h.x-(m.x-v.x)*p,y:h.y-(m.y-v.y)*p,ratio:g},{duration:350})}revealAll(e,{right:t=0}={}){let n=e.map(x=>this.screenOf(x)).filter(Boolean);if(!n.length)return;let{width:r,height:i}=this.sigma.getDimensions(),o=Math.max(200,r-t),s=50,l=n.map(x=>x.x),d=n.map(x=>x.y),[u,c,g,f]=[Math.min(...l),Math.max(...l),Math.min(...d),Math.max(...d)],h=170;if(u>s&&c<o-h&&g>s&&f<i-s)return;let m=this.sigma.getCamera(),v=Math.max(1,(c-u+s+h)/o,(f-g+2*s)/i),p=m.ratio*v,y=this.sigma.viewportToFramedGraph({x:(u+c+h-s)/2,y:(g+f)/2}),b=this.sigma.viewportToFramedGraph({x:o/2,y:i/2}),_=this.sigma.viewportToFramedGraph({x:r/2,y:i/2});m.animate({x:y.x-(b.x-_.x)*v,y:y.y-(b.y-_.y)*v,ratio:p},{duration:350})}focus(e,{zoom:t=!0}={}){let n=this.sigma.getNodeDisplayData(e);if(!n)return;let r=this.sigma.getCamera(),i=t?Math.min(r.ratio,.45):r.ratio;r.animate({x:n.x,y:n.y,ratio:i},{duration:350})}fit(){this.sigma.getCamera().animate({x:.5,y:.5,ratio:1,angle:0},{duration:300})}zoom(e){let t=this.sigma.getCamera();t.animate({ratio:t.ratio/e},{duration:180})}setHiddenKinds(e){this.hiddenKinds=new Set(e),this.applyKindFilter(),this.kick()}applyKindFilter(){this.graph.updateEachEdgeAttributes((e,t)=>(t.hidden=this.hiddenKinds.has(t.kind),t))}refreshColours(){this.graph.updateEachEdgeAttributes((e,t)=>(t.color=it(t.kind),t)),this.sigma.refresh()}kick(){if(this.sigma.scheduleRender(),(this.fading.size||this.flashes.size)&&!this.animating){this.animating=!0;let e=()=>{this.animate(),this.fading.size||this.flashes.size?requestAnimationFrame(e):this.animating=!1};requestAnimationFrame(e)}}animate(){let e=performance.now();for(let[t,n]of this.fading){let r=1-(e-n)/900;this.graph.hasNode(t)?r<=0?(this.graph.dropNode(t),this.fading.delete(t),this.selected===t&&(this.selected=null)):(this.graph.setNodeAttribute(t,"fade",r),this.graph.forEachEdge(t,i=>this.graph.setEdgeAttribute(i,"fade",r))):this.fading.delete(t)}for(let[t,n]of this.flashes)e-n>2400&&this.flashes.delete(t);this.sigma.scheduleRender()}boxRect(e){let t=this.sigma.graphToViewport({x:e.x,y:-e.y}),n=this.sigma.graphToViewport({x:e.x+e.w,y:-(e.y+e.h)});return{x:Math.min(t.x,n.x),y:Math.min(t.y,n.y),w:Math.abs(n.x-t.x),h:Math.abs(n.y-t.y)}}boxAt(e,t){let n=null;for(let r of this.boxes){let i=this.boxRect(r);e>=i.x&&e<=i.x+i.w&&t>=i.y&&t<=i.y+i.h&&(n=r)}return n}drawBoxes(){let e=this.boxCanvas.getContext("2d"),{width:t,height:n}=this.sigma.getDimensions();e.setTransform(this.dpr,0,0,this.dpr,0,0),e.clearRect(0,0,t,n);let r=this.topo?.summary,i=[];for(let o of this.boxes){let s=this.boxRect(o);if(s.x>t||s.y>n||s.x+s.w<0||s.y+s.h<0||s.w<2)continue;let l=o.kind==="cluster",d=o.state==="error"||o.state==="warning",u=ye(o.state);if(e.beginPath(),Cr(e,s.x,s.y,s.w,s.h,Math.min(8,s.w/8)),l||(e.fillStyle=r?Qt(u,ne.dark?.22:.14):ne.box,e.fill()),e.lineWidth=l?1.5:d?2:1,e.strokeStyle=d?Qt(u,.85):ne.box_line,l&&e.setLineDash([6,4]),e.stroke(),e.setLineDash([]),s.w<40||s.h<18)continue;let c=o.counts.ok+o.counts.unknown+o.counts.warning+o.counts.error;e.font=`600 12.5px ${wn}`,e.textBaseline="top";let g=s.x+8,f=4*s.h/o.h,h=l||f<21?s.y-17:s.y+5;if(h<0)continue;let m=s.w-8;if(i.some(b=>g<b.x+b.w&&b.x<g+m&&h<b.y+16&&b.y<h+16))continue;i.push({x:g,y:h,w:m}),e.fillStyle=ne.fg;let v=l?`cluster ${o.label}`:o.label;e.fillText($h(e,v,s.w-16),g,h);let p=g+Math.min(e.measureText(v).width,s.w-16)+10;e.font=`12px ${wn}`;let y=[];o.counts.error&&y.push(["error",`${o.counts.error} error`]),o.counts.warning&&y.push(["warning",`${o.counts.warning} warning`]),y.push(["muted",`${c} object${c===1?"":"s"}`]);for(let[b,_]of y){let x=e.measureText(_).width;if(p+x+14>s.x+s.w)break;b!=="muted"&&(e.fillStyle=ye(b),e.beginPath(),e.arc(p+4,h+7,4,0,Math.PI*2),e.fill(),p+=11),e.fillStyle=b==="muted"?ne.muted:ye(b),e.fillText(_,p,h),p+=x+10}r&&!l&&s.h>60&&(e.fillStyle=ne.muted,e.font=`12px ${wn}`,e.fillText("click to open",g,s.y+s.h-20))}}drawDecor(){let e=this.decorCanvas.getContext("2d"),{width:t,height:n}=this.sigma.getDimensions();if(e.setTransform(this.dpr,0,0,this.dpr,0,0),e.clearRect(0,0,t,n),!this.topo||this.topo.summary)return;let r=this.sigma.getGraphToViewportRatio()/this.sigma.getCamera().ratio,i=l=>this.graph.getNodeAttribute(l,"size")*r,o=(l,d)=>l.x+d>0&&l.y+d>0&&l.x-d<t&&l.y-d<n;if(this.path){e.lineCap="round",e.strokeStyle=Qt(ne.path,.55),e.lineWidth=Math.max(4,Math.min(10,r*.9));for(let[l,d]of this.path.segments){let u=this.screenOf(l),c=this.screenOf(d);!u||!c||(e.beginPath(),e.moveTo(u.x,u.y),e.lineTo(c.x,c.y),e.stroke())}for(let l of this.path.nodes){let d=this.screenOf(l);if(!d)continue;let u=Math.max(6,i(l)+4);e.beginPath(),e.arc(d.x,d.y,u,0,Math.PI*2),e.lineWidth=2.5,e.strokeStyle=ne.path,e.stroke()}}if(this.graph.forEachNode((l,d)=>{if(!d.missing&&!d.root&&!(this.path&&this.path.causes.has(l))||d.hidden)return;let u=this.sigma.graphToViewport({x:d.x,y:d.y}),c=Math.max(3,i(l));if(!o(u,c+60))return;let g=ye(d.health),f=this.highlight!==null&&!d.hl;if(e.globalAlpha=(d.fade??1)*(f?.2:1),d.missing&&(e.beginPath(),e.arc(u.x,u.y,c,0,Math.PI*2),e.setLineDash([Math.max(2,c/2.5),Math.max(2,c/3.5)]),e.lineWidth=Math.max(1.5,c/4),e.strokeStyle=g,e.stroke(),e.setLineDash([])),(d.root||this.path&&this.path.causes.has(l))&&(e.beginPath(),e.arc(u.x,u.y,c+Math.max(3,c/2),0,Math.PI*2),e.lineWidth=2,e.strokeStyle=g,e.stroke(),c>4)){e.font=`600 11px ${wn}`,e.textBaseline="bottom";let h="root cause",m=e.measureText(h).width+8,v=u.x-m/2,p=u.y-c-Math.max(3,c/2)-4;e.fillStyle=g,e.beginPath(),Cr(e,v,p-15,m,15,3),e.fill(),e.fillStyle="#ffffff",e.fillText(h,v+4,p-1)}e.globalAlpha=1}),e.font=`600 10px ${wn}`,e.textBaseline="middle",this.graph.forEachNode((l,d)=>{let u=d.data.badge;if(!u||d.hidden)return;let c=i(l);if(c<3.5)return;let g=this.sigma.graphToViewport({x:d.x,y:d.y});if(!o(g,60))return;let[f,h]=u.split(" ")[0].split("/").map(Number),m=f===h?ne.ok:f===0?ne.error:ne.warning,v=e.measureText(u).width+8,p=g.x-Math.min(c,v/2),y=g.y+c+1,b=this.highlight!==null&&!d.hl;e.globalAlpha=(d.fade??1)*(b?.25:1),e.beginPath(),Cr(e,p,y,v,12,6),e.fillStyle=ne.canvas,e.fill(),e.lineWidth=1,e.strokeStyle=m,e.stroke(),e.fillStyle=m,e.fillText(u,p+4,y+6.5),e.globalAlpha=1}),this.selected&&this.graph.hasNode(this.selected)){let l=this.screenOf(this.selected),d=Math.max(7,i(this.selected)*1.3+5);e.beginPath(),e.arc(l.x,l.y,d,0,Math.PI*2),e.lineWidth=3,e.strokeStyle=ne.select,e.stroke()}let s=performance.now();for(let[l,d]of this.flashes){if(!this.graph.hasNode(l))continue;let u=this.screenOf(l),c=(s-d)/2400,g=Math.max(6,i(l))+4+c*26;e.beginPath(),e.arc(u.x,u.y,g,0,Math.PI*2),e.lineWidth=3,e.strokeStyle=Qt(ne.accent,Math.max(0,1-c)),e.stroke()}}snapshot(){return new Promise(e=>{this.sigma.once("afterRender",()=>{let t=this.sigma.getStageCanvas(),n=document.createElement("canvas");n.width=t.width,n.height=t.height;let r=n.getContext("2d");r.fillStyle=ne.canvas,r.fillRect(0,0,n.width,n.height),r.drawImage(this.boxCanvas,0,0,n.width,n.height),r.drawImage(t,0,0,n.width,n.height),r.drawImage(this.decorCanvas,0,0,n.width,n.height),e(n)}),this.sigma.refresh()})}drawnNodes(){return this.graph.filterNodes(e=>!this.fading.has(e))}},wn="system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif";function Cr(a,e,t,n,r,i){let o=Math.max(0,Math.min(i,n/2,r/2));a.moveTo(e+o,t),a.arcTo(e+n,t,e+n,t+r,o),a.arcTo(e+n,t+r,e,t+r,o),a.arcTo(e,t+r,e,t,o),a.arcTo(e,t,e+n,t,o),a.closePath()}function $h(a,e,t){if(a.measureText(e).width<=t)return e;let n=e;for(;n.length>1&&a.measureText(`${n}…`).width>t;)n=n.slice(0,-1);return`${n}…`}var Z=a=>document.getElementById(a);function Es(){let a=new URLSearchParams(location.search);return{q:a.get("q")||"",mode:a.get("mode")==="highlight"?"highlight":"filter",group:["namespace","cluster","node","app"].includes(a.get("group"))?a.get("group"):"namespace",problems:a.get("problems")==="1",sel:a.get("sel")||null,expand:(a.get("expand")||"").split(",").filter(Boolean),all:a.get("all")==="1"}}function Le(a,{replace:e=!1}={}){let t=new URLSearchParams;a.q&&t.set("q",a.q),a.mode!=="filter"&&t.set("mode",a.mode),a.group!=="namespace"&&t.set("group",a.group),a.problems&&t.set("problems","1"),a.expand.length&&t.set("expand",a.expand.join(",")),a.all&&t.set("all","1"),a.sel&&t.set("sel",a.sel);let n=`${location.pathname}${t.toString()?`?${t}`:""}`;n!==`${location.pathname}${location.search}`&&(e?history.replaceState(null,"",n):history.pushState(null,"",n))}var U=Es(),pt=null,nt={now:null,source:null},ws=ve.clusters().then(a=>{nt={now:a.now,source:a.source,static:a.source.kind!=="live"&&!a.source.watching},document.title=`kubegraph · ${a.source.description}`}).catch(()=>{nt={now:null,source:null,static:!1}}),Sa=[],et=null,xa=0,_a=null,Ht=null,pe=null,We={navigationToFirstFrame:null,loadMs:null,fetchMs:null,buildMs:null,firstFrameMs:null};Pa();We.scriptStart=performance.now();var H=new ba(Z("graph"),{select:a=>yt.select(a,{focus:!1}),expand:a=>yt.expand(a),hover:a=>As(a),clickStage:a=>{H.topo?.summary&&a&&a.kind!=="cluster"?Hh(a):U.sel&&yt.clearSelection()}}),yt={select(a,{focus:e=!1,replace:t=!1}={}){U={...U,sel:a},Le(U,{replace:t}),Aa({focus:e})},clearSelection(){!U.sel&&!pe||(U={...U,sel:null},Le(U),Aa({}))},drawnFor:a=>H.drawnFor(a),drawnNode:a=>{let e=H.drawnFor(a);return e&&H.graph.hasNode(e)?H.graph.getNodeAttribute(e,"data"):null},isExpanded:a=>U.expand.includes(a),expand(a){U.expand.includes(a)||(U={...U,expand:[...U.expand,a]},Le(U),Te({keepCamera:!0}))},collapse(a){U={...U,expand:U.expand.filter(e=>e!==a)},Le(U),Te({keepCamera:!0})},setPath(a,e,t){pe={kind:a,steps:e,causes:t,for:U.sel},H.setPath(e,t),H.path&&H.revealAll([...H.path.nodes],{right:Z("pane").offsetWidth||0});let n=[...new Set(e.flat().filter(Boolean))];if(a==="why"){let r=new Set;for(let i of n){let o=H.drawnFor(i);o&&o!==i&&!U.expand.includes(o)&&r.add(o)}if(r.size){U={...U,expand:[...U.expand,...r]},Le(U,{replace:!0});let i=pe;Te({keepCamera:!0}).then(()=>{pe===i&&yt.setPath(i.kind,i.steps,i.causes)})}}return n.filter(r=>!H.drawnFor(r))},drawOnly(a){let e=new Set(a);if(pe)for(let n of pe.steps.flat())n&&e.add(n);let t=[...e].map(n=>`(${Rn(n)})`).join(" or ");U={...U,q:t,mode:"filter",expand:[]},Le(U),Da(),Te({}).then(()=>pe&&H.setPath(pe.steps,pe.causes))},now:()=>nt.now?Date.parse(nt.now):Date.now()},kr=new Ln(Z("pane"),yt);We.viewReady=performance.now();async function _s(a,e,t){let n={group:a.group,problems:a.problems?"true":void 0,expand:e.length?e.join(","):void 0};a.all&&(n.summary="never",n.limit=5e4),a.mode==="filter"&&a.q.trim()&&(n.q=a.q);let r=await ve.graph(n,t);return r.grouping=a.group,r}async function Te({merge:a=!1,keepCamera:e=!1}={}){let t=++xa;_a&&_a.abort(),_a=new AbortController;let n=_a.signal,r=U,i=performance.now();Pr(a?null:"Loading…");try{let o=null;if(r.mode==="highlight"&&r.q.trim()&&(o=await ve.search(r.q,n),o.text!==void 0&&o.text!==null))throw new ze(400,{error:{message:"this query prints text; highlighting needs a query that selects objects",hint:"drop `| count`, `| list`, … from the end"}});let s=[...r.expand],l=await _s(r,[...s,...o?Sa:[]],n);if(o&&!l.summary){let c=o.nodes.map(f=>f.id),g=[...Sa];for(let f=0;f<4;f++){let h=new Map;for(let v of l.nodes){h.set(v.id,v.id);for(let p of v.member_ids||[])h.set(p,v.id)}let m=new Set;for(let v of c){let p=h.get(v);p&&p!==v&&m.add(p)}if(!m.size)break;g=[...new Set([...g,...m])],l=await _s(r,[...s,...g],n)}Sa=g}if(t!==xa)return;let d=performance.now();Ht=null,Fr(null),et=o?o.nodes.map(c=>c.id):null;let u=pt&&pt.q===r.q&&pt.mode===r.mode&&pt.group===r.group&&pt.problems===r.problems&&pt.all===r.all;if(a&&u?H.mergeTopology(l):(H.setTopology(l,{keepCamera:e&&u}),We.fetchMs=d-i,We.buildMs=H.buildMs,We.firstFrameMs=H.firstFrameMs),pt={...r},et){let c=new Set;for(let g of et){let f=H.drawnFor(g);f&&c.add(f)}H.setHighlight(c)}else H.setHighlight(null);if(We.loadMs=performance.now()-i,e&&U.sel&&H.drawnFor(U.sel)&&H.reveal(H.drawnFor(U.sel),{right:Z("pane").offsetWidth||0}),zr(l),Rs(l),U.sel&&(await ws,t!==xa))return;Aa({keepAction:a})}catch(o){if(o.name==="AbortError"||t!==xa)return;Ht=o,o instanceof ze&&o.status===400?(Fr(o),Pr("The query has a mistake: nothing changed.")):Pr(`Could not load the view: ${o.message}`)}}function Aa({focus:a=!1,keepAction:e=!1}={}){let t=U.sel;if(!t){H.setSelected(null),H.setPath(null),pe=null,kr.close();return}let n=H.drawnFor(t);H.setSelected(n),pe&&pe.for!==t?(pe=null,H.setPath(null)):pe&&H.setPath(pe.steps,pe.causes),(kr.id!==t||e)&&kr.show(t,{keepAction:e}),n&&H.reveal(n,{zoom:a,right:Z("pane").offsetWidth||440,center:a})}function Hh(a){let e=null,t=a.parent?a.parent.replace(/^cluster:/,""):a.label,n=JSON.stringify;a.kind==="namespace"?e=`cluster = ${n(t)} and namespace = ${n(a.label)}`:a.kind==="cluster-scoped"&&U.group==="namespace"?e=`cluster = ${n(t)} and namespace = null`:a.kind==="node"?e=`cluster = ${n(t)} and is(pod) and spec.nodeName = ${n(a.label)}`:a.kind==="app"&&(e=`cluster = ${n(t)} and (labels."app.kubernetes.io/name" = ${n(a.label)} or labels.app = ${n(a.label)} or labels."k8s-app" = ${n(a.label)})`),e&&(U={...U,q:e,mode:"filter",sel:null,expand:[]},Le(U),Da(),Te({}))}var re=Z("q"),bt=Z("q-complete"),tt=[],ke=-1,Ta=null;function Da(){re.value=U.q,Z("mode").value=U.mode,Z("group").value=U.group,Z("problems").checked=U.problems}function Fr(a){let e=Z("q-error");if(!a){e.hidden=!0,ue(e),re.removeAttribute("aria-invalid");return}re.setAttribute("aria-invalid","true");let t=re.value;if(ue(e,N("pre",{class:"caret"},a.rendered||a.message),a.hint?N("div",{class:"hint"},a.hint):null),e.hidden=!1,a.span){let n=Yt(t,a.span.start),r=Math.max(n,Yt(t,a.span.end));re.focus(),re.setSelectionRange(n,r===n?n:r)}}function Ir(){Vt();let a=re.value.trim(),e=a!==U.q||Z("mode").value!==U.mode;U={...U,q:a,mode:Z("mode").value,expand:e?[]:U.expand},Sa=[],Le(U),Te({})}Z("search-form").addEventListener("submit",a=>{a.preventDefault(),ke>=0&&!bt.hidden?Gr(ke):Ir()});Z("q-clear").addEventListener("click",()=>{re.value="",Ir()});Z("mode").addEventListener("change",()=>Ir());Z("group").addEventListener("change",()=>{U={...U,group:Z("group").value,expand:[]},Le(U),Te({})});Z("problems").addEventListener("change",()=>{U={...U,problems:Z("problems").checked},Le(U),Te({})});var Nr=ka(async()=>{Ta&&Ta.abort(),Ta=new AbortController;let a=re.value,e=re.selectionStart??a.length;try{let t=await Ur(a,e,Ta.signal);if(re.value!==a)return;Vh(t)}catch(t){t.name!=="AbortError"&&Vt()}},120),mt=null;function Vh(a){if(tt=a.items,mt=a,ke=-1,!tt.length||document.activeElement!==re)return Vt();ue(bt,tt.map((e,t)=>N("li",{role:"option",id:`q-opt-${t}`,"aria-selected":"false",onmousedown:n=>{n.preventDefault(),Gr(t)}},N("span",null,e.text),N("span",{class:"kind"},e.kind||"")))),bt.hidden=!1,re.setAttribute("aria-expanded","true")}function Vt(){bt.hidden=!0,tt=[],ke=-1,re.setAttribute("aria-expanded","false"),re.removeAttribute("aria-activedescendant")}function Ts(a){ke=(a+tt.length)%tt.length,[...bt.children].forEach((e,t)=>e.setAttribute("aria-selected",t===ke?"true":"false")),re.setAttribute("aria-activedescendant",`q-opt-${ke}`),bt.children[ke]?.scrollIntoView({block:"nearest"})}function Gr(a){let e=tt[a];if(!e||!mt)return;let t=re.value,n=/[\w)]$/.test(e.text)&&!/^\s/.test(t.slice(mt.to)),r=e.text+(n&&mt.to>=t.length?" ":"");re.value=t.slice(0,mt.from)+r+t.slice(mt.to);let i=mt.from+r.length;re.setSelectionRange(i,i),Vt(),re.focus(),Nr()}re.addEventListener("input",()=>{Nr(),Z("q-error").hidden||re.removeAttribute("aria-invalid")});re.addEventListener("blur",()=>setTimeout(Vt,100));re.addEventListener("keydown",a=>{if(!bt.hidden&&tt.length){if(a.key==="ArrowDown"){a.preventDefault(),Ts(ke+1);return}if(a.key==="ArrowUp"){a.preventDefault(),Ts(ke-1);return}if(a.key==="Tab"){a.preventDefault(),Gr(ke>=0?ke:0);return}if(a.key==="Escape"){a.preventDefault(),a.stopPropagation(),Vt();return}}else a.key==="Tab"&&!a.shiftKey&&re.value&&re.selectionStart===re.value.length&&(a.preventDefault(),Nr());a.key==="Escape"&&(a.preventDefault(),a.stopPropagation(),Fr(null),re.blur(),Z("graph").focus())});document.addEventListener("keydown",a=>{let e=a.target,t=e instanceof HTMLInputElement||e instanceof HTMLSelectElement||e instanceof HTMLTextAreaElement;if(a.key==="/"&&!t){a.preventDefault(),re.focus(),re.select();return}if(a.key==="Escape"&&!t){let r=Z("export-menu");if(r.open){r.open=!1;return}yt.clearSelection(),Z("graph").focus();return}if(t||a.altKey||a.ctrlKey||a.metaKey)return;let n={ArrowLeft:[-1,0],ArrowRight:[1,0],ArrowUp:[0,-1],ArrowDown:[0,1]};if(n[a.key]&&(e===Z("graph")||e===document.body||Z("pane").contains(e))){a.preventDefault();let r=U.sel?H.drawnFor(U.sel):null,i=null;r?i=H.step(r,...n[a.key]):i=H.drawnNodes()[0]||null,i&&yt.select(i,{focus:!0,replace:!0})}else a.key==="Enter"&&e===Z("graph")&&U.sel?Z("pane").focus():(a.key==="+"||a.key==="=")&&e===Z("graph")?H.zoom(1.5):a.key==="-"&&e===Z("graph")?H.zoom(1/1.5):a.key==="0"&&e===Z("graph")&&H.fit()});window.addEventListener("popstate",()=>{let a=U;U=Es(),Da(),a.q===U.q&&a.mode===U.mode&&a.group===U.group&&a.problems===U.problems&&a.all===U.all&&a.expand.join()===U.expand.join()?Aa({focus:!0}):Te({keepCamera:a.q===U.q&&a.group===U.group})});Z("graph").addEventListener("mouseleave",()=>As(null));Z("zoom-in").addEventListener("click",()=>H.zoom(1.5));Z("zoom-out").addEventListener("click",()=>H.zoom(1/1.5));Z("zoom-fit").addEventListener("click",()=>H.fit());function As(a){let e=Z("tooltip");if(!a){e.hidden=!0;return}if(a.node){let i=a.node;ue(e,N("div",{class:"t-kind"},`${i.kind}${i.namespace?` · ${i.namespace}`:""}${i.missing?" · missing":""}${i.root_cause?" · root cause":""}`),N("div",{class:"t-name"},i.label),i.badge?N("div",null,`${i.badge}${i.members?`, ${i.members} owned object${i.members===1?"":"s"}`:""}${i.expandable?" (double-click to expand)":""}`):null,N("div",{class:"t-reason"},N("span",{class:`hlabel ${i.state}`},i.state)," ",i.reason))}else{let i=a.box,o=i.counts,s=o.ok+o.unknown+o.warning+o.error;ue(e,N("div",{class:"t-kind"},i.kind),N("div",{class:"t-name"},i.label),N("div",{class:"t-reason"},`${s} objects: ${o.error} error, ${o.warning} warning, ${o.ok} ok, ${o.unknown} unknown`),H.topo?.summary&&i.kind!=="cluster"?N("div",{class:"t-kind"},"click to open"):null)}e.hidden=!1;let t=e.parentElement.getBoundingClientRect(),n=e.offsetWidth,r=e.offsetHeight;e.style.left=`${Math.min(a.x+14,t.width-n-8)}px`,e.style.top=`${a.y+14+r>t.height?a.y-r-10:a.y+14}px`}var vt=new Set;function zr(a){let e=Z("legend"),t=["error","warning","ok","unknown"].map(i=>N("span",{class:"item"},Se("svg",{viewBox:"0 0 14 14","aria-hidden":"true"},Se("circle",{cx:7,cy:7,r:5.5,fill:ye(i)})),i)),n=[["square","workload"],["diamond","service, ingress"],["circle","pod"],["small","config"],["triangle","storage"],["hollow","missing"]].map(([i,o])=>N("span",{class:"item"},jh(i),o)),r=Object.entries(a.legend||{}).map(([i,o])=>N("button",{type:"button",class:`item${vt.has(i)?" off":""}`,title:`${Cn[i]||i}: ${o} drawn. Click to ${vt.has(i)?"show":"hide"}.`,"aria-pressed":vt.has(i)?"false":"true",onclick:()=>{vt.has(i)?vt.delete(i):vt.add(i),H.setHiddenKinds(vt),zr(a)}},Se("svg",{viewBox:"0 0 14 14","aria-hidden":"true"},Se("line",{x1:1,y1:7,x2:13,y2:7,stroke:it(i),"stroke-width":2.5})),i));ue(e,t,N("span",{class:"sep"}),n,r.length?N("span",{class:"sep"}):null,r),e.hidden=!1}function jh(a){let e=ne.muted,t=(...n)=>Se("svg",{viewBox:"0 0 14 14","aria-hidden":"true"},...n);return t(a==="square"?Se("rect",{x:2,y:2,width:10,height:10,rx:2,fill:e}):a==="diamond"?Se("path",{d:"M7 1 L13 7 L7 13 L1 7 Z",fill:e}):a==="triangle"?Se("path",{d:"M7 1.5 L13 12.5 L1 12.5 Z",fill:e}):a==="small"?Se("circle",{cx:7,cy:7,r:3.5,fill:e}):a==="hollow"?Se("circle",{cx:7,cy:7,r:5,fill:"none",stroke:ye("error"),"stroke-width":1.8,"stroke-dasharray":"2.5 2"}):Se("circle",{cx:7,cy:7,r:5.5,fill:e}))}function Pr(a){a!==null&&ue(Z("status"),a)}function Rs(a){let e=Z("status"),t=[],n=Z("empty");if(n.hidden=!0,a.summary){let r=a.boxes.filter(i=>!i.parent).reduce((i,o)=>i+o.counts.ok+o.counts.unknown+o.counts.warning+o.counts.error,0);t.push(N("b",null,`Summary of ${r.toLocaleString()} objects`),": click a box to open it · "),t.push(N("button",{type:"button",class:"link",onclick:()=>{U={...U,all:!0},Le(U),Te({})}},"draw all"))}else{if(t.push(N("b",null,`${a.nodes.length.toLocaleString()}`),` drawn for ${a.selected.toLocaleString()} objects · ${a.edges.length.toLocaleString()} relations`),et&&t.push(" · ",N("b",null,`${et.length}`),` match${et.length===1?"":"es"}`),a.edges.length>Lr){let r=H.allEdges;t.push(" · ",r?"all edges drawn":"edges of the selected and hovered node"," · "),t.push(N("button",{type:"button",class:"link",id:"all-edges",onclick:()=>{H.setAllEdges(!r),Rs(a)}},r?"fewer edges":"draw all edges"))}U.problems&&t.push(" · problems only"),a.nodes.length||(n.hidden=!1,ue(n,N("div",null,U.problems?"Nothing is unhealthy here.":"Nothing to draw: the query selects no object that is drawn (workloads, services, pods, config, storage…).")))}U.all&&t.push(" · ",N("button",{type:"button",class:"link",onclick:()=>{U={...U,all:!1},Le(U),Te({})}},"back to the summary")),ue(e,t)}document.querySelectorAll("[data-export]").forEach(a=>a.addEventListener("click",async()=>{Z("export-menu").open=!1;let e=a.dataset.export;e==="png"?await Kr(H):e==="svg"?Yr(H):Zr(H,U,et)}));var Ea=Z("conn"),Ra=null;function wa(a,e){Ea.className=`conn ${a}`;let t=Ra?` · last change ${new Date(Ra).toLocaleTimeString()}`:"";ue(Ea,N("span",{class:"dot","aria-hidden":"true"}),N("span",{class:"conn-text"},`${e}${t}`)),Ea.title=a==="live"?"Changes appear as they happen":a==="static"?"This source does not change (a file or the demo)":"The connection to the server is lost; retrying"}var Ss=ka(()=>Te({merge:!0,keepCamera:!0}),250),qh=new Dn({open:()=>wa(nt.static?"static":"live",nt.static?"static":"live"),error:a=>wa("reconnecting",a?"offline":"reconnecting"),changes:a=>{Ra=a.at?Date.parse(a.at):Date.now(),window.__kubegraph.lastBatch={seq:a.seq,at:a.at,receivedAt:Date.now(),changes:a.changes.length},H.applyChanges(a.changes),wa("live","live"),Ss()},reset:()=>{Ra=Date.now(),Ss()}});Hr(()=>{H.refreshColours(),H.topo&&zr(H.topo)});window.__kubegraph={view:H,perf:We,lastBatch:null,state:()=>({url:location.href,state:U,summary:H.topo?.summary??null,drawn:H.drawnNodes().length,edges:H.graph.size,boxes:H.boxes.length,highlighted:H.highlight?[...H.highlight]:null,matches:et,selected:U.sel,paneTitle:Z("pane").hidden?null:Z("pane-title")?.textContent??null,path:H.path?{nodes:[...H.path.nodes],segments:H.path.segments,causes:[...H.path.causes]}:null,error:Ht?{message:Ht.message,rendered:Ht.rendered,span:Ht.span}:null,conn:Ea.className,frames:H.frames}),screenOf:a=>{let e=H.screenOf(H.drawnFor(a)||a);if(!e)return null;let t=Z("graph").getBoundingClientRect();return{x:t.left+e.x,y:t.top+e.y}},nodeData:a=>H.graph.hasNode(a)?H.graph.getNodeAttribute(a,"data"):null,loaded:null};Da();window.__kubegraph.loaded=(async()=>{let a=Te({});await ws,We.clustersDone=performance.now(),wa(nt.static?"static":"reconnecting",nt.static?"static":"connecting"),qh.start(),await a,We.loadDone=performance.now(),await new Promise(e=>requestAnimationFrame(()=>requestAnimationFrame(e))),We.navigationToFirstFrame=performance.now(),document.body.dataset.ready="true"})();
/*! Bundled license information:

sigma/dist/edge-data-texture-e4fbbc22.esm.js:
  (*! regenerator-runtime -- Copyright (c) 2014-present, Facebook, Inc. -- license (MIT): https://github.com/babel/babel/blob/main/packages/babel-helpers/LICENSE *)
*/
