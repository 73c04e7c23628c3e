import { parser } from "@lezer/python";
const src = process.argv[2];
const tree = parser.parse(src);
let depth = 0;
tree.iterate({ enter(n) { console.log("  ".repeat(depth++) + n.name + (n.type.isError ? " ERR" : "") + " " + JSON.stringify(src.slice(n.from, Math.min(n.to, n.from + 30)))); }, leave() { depth--; } });
