// The scripts of a page rendered on the server (src/server/ssr.ts › deferScripts): this classic script
// stands at the end of the page, so the browser runs it only once the stylesheet is there and the page
// can be painted from the server's markup; it then asks for the app's modules, which would otherwise
// share the network with the stylesheet and hold back the first paint on a slow connection.
((d) => {
  const me = d.currentScript;
  if (!me) return;
  for (const href of (me.getAttribute("data-preload") ?? "").split(" ")) {
    if (!href) continue;
    const link = d.createElement("link");
    link.rel = "modulepreload";
    link.crossOrigin = "";
    link.href = href;
    d.head.appendChild(link);
  }
  const entry = d.createElement("script");
  entry.type = "module";
  entry.crossOrigin = "";
  entry.src = me.getAttribute("data-entry") ?? "";
  d.head.appendChild(entry);
})(document);
