#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap4 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar4 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq4 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar4(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias3;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap4;
    exports.isNode = isNode;
    exports.isPair = isPair;
    exports.isScalar = isScalar4;
    exports.isSeq = isSeq4;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    function visit_(key, node, visitor, path) {
      const ctrl = callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = visit_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path) {
      const ctrl = await callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path) {
      if (typeof visitor === "function")
        return visitor(key, node, path);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
      return void 0;
    }
    function replaceNode(key, path, node) {
      const parent = path[path.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path, value) {
      let v = value;
      for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path) => path == null || typeof path === "object" && !!path[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path, value) {
        if (isEmptyPath(path))
          this.add(value);
        else {
          const [key, ...rest] = path;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text.length <= endStep)
        return text;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text;
      if (onFold)
        onFold();
      let res = text.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text.length;
        if (fold === 0)
          res = `
${indent}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text[fold]}\\`;
          res += `
${indent}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text[++i];
        } else {
          do {
            ch = text[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str += json.slice(start, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str += "\\x" + code.substr(2);
                    else
                      str += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str += "\n";
                  i += 2;
                }
                str += indent;
                if (json[i + 2] === " ")
                  str += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str = start ? str + json.slice(start) : json;
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str;
      return identity.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str === "" ? "?" : explicitKey ? `? ${str}` : str;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}
${indent}:`;
      } else {
        str = `${str}:`;
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str2 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str2);
      }
      let str;
      if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
      } else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
        if (i < items.length - 1) {
          str += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str += ",";
          }
        }
        if (comment)
          str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str = start;
          for (const line of lines)
            str += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf(".");
        if (dot !== -1 && str[str.length - 1] === "0")
          node.minFractionDigits = str.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i = 0; i < str.length; ++i)
            buffer[i] = str.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str;
        if (typeof node_buffer.Buffer === "function") {
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str.substr(o, lineWidth);
          }
          str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, "")));
        const dot = str.indexOf(".");
        if (dot !== -1) {
          const f = str.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      const sign = str[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str = str.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        const n2 = BigInt(str);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      const sign = str[0];
      const parts = sign === "-" || sign === "+" ? str.substring(1) : str;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags2, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags2) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags2))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags2)) {
        for (const tag of customTags2)
          tags = tags.concat(tag);
      } else if (typeof customTags2 === "function") {
        tags = customTags2(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags: customTags2, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags2, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path) {
        if (Collection.isEmptyPath(path))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token3 of tokens) {
        if (reqSpace) {
          if (token3.type !== "space" && token3.type !== "newline" && token3.type !== "comma")
            onError(token3.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token3.type !== "comment" && token3.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token3.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token3.source.includes("	")) {
              tab = token3;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token3, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token3.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token3.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token3.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token3;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token3, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token3.source.endsWith(":"))
              onError(token3.offset + token3.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token3;
            start ?? (start = token3.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token3, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token3;
            start ?? (start = token3.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token3, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token3.source} indicator`);
            if (found)
              onError(token3, "UNEXPECTED_TOKEN", `Unexpected ${token3.source} in ${flow ?? "collection"}`);
            found = token3;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token3, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token3;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token3, "UNEXPECTED_TOKEN", `Unexpected ${token3.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep: sep4, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep4?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep4) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep4 ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep4, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep4 = "";
        for (const token3 of end) {
          const { source, type } = token3;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token3, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep4 + cb;
              sep4 = "";
              break;
            }
            case "newline":
              if (comment)
                sep4 += source;
              hasSpace = true;
              break;
            default:
              onError(token3, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token3) => token3 && (token3.type === "block-map" || token3.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap4 = fc.start.source === "{";
      const fcName = isMap4 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap4 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep: sep4, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep4?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep4 && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap4 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap4 && !sep4 && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep4, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep4 ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap4 && !props.found && ctx.options.strict) {
              if (sep4)
                for (const st of sep4) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep4, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap4) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap4 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token3, onError, tagName, tag) {
      const coll = token3.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token3, onError, tag) : token3.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token3, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token3, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token3, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token3.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token3.type === "block-map" ? "map" : token3.type === "block-seq" ? "seq" : token3.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token3, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token3, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token3, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines2(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep4 = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep4 + indent.slice(trimIndent) + content;
          sep4 = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep4 === " ")
            sep4 = "\n";
          else if (!prevMoreIndented && sep4 === "\n")
            sep4 = "\n\n";
          value += sep4 + indent.slice(trimIndent) + content;
          sep4 = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep4 === "\n")
            value += "\n";
          else
            sep4 = "\n";
        } else {
          value += sep4 + content;
          sep4 = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token3 = props[i];
        switch (token3.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token3.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token3, "MISSING_CHAR", message);
            }
            length += token3.source.length;
            comment = token3.source.substring(1);
            break;
          case "error":
            onError(token3, "UNEXPECTED_TOKEN", token3.message);
            length += token3.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token3.type}`;
            onError(token3, "UNEXPECTED_TOKEN", message);
            const ts = token3.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines2(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep4 = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep4 === "\n")
            res += sep4;
          else
            sep4 = "\n";
        } else {
          res += sep4 + lm;
          sep4 = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep4 + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token3, tagToken, onError) {
      const { value, type, comment, range } = token3.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token3, onError) : resolveFlowScalar.resolveFlowScalar(token3, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token3.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token3, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token3, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token3, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token3, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token3, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token3, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token3.type) {
        case "alias":
          node = composeAlias(ctx, token3, onError);
          if (anchor || tag)
            onError(token3, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token3, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token3, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token3, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token3.type === "error" ? token3.message : `Unsupported token (type: ${token3.type})`;
          onError(token3, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token3.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token3, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token3.type === "scalar" && token3.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token3;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token3 = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token3, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer2 = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token3 of tokens)
          yield* this.next(token3);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token3) {
        if (node_process.env.LOG_STREAM)
          console.dir(token3, { depth: null });
        switch (token3.type) {
          case "directive":
            this.directives.add(token3.source, (offset, message, warning) => {
              const pos = getErrorPos(token3);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token3.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token3, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token3, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token3.source);
            break;
          case "error": {
            const msg = token3.source ? `${token3.message}: ${JSON.stringify(token3.source)}` : token3.message;
            const error = new errors.YAMLParseError(getErrorPos(token3), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token3), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token3.end, token3.offset + token3.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token3), "UNEXPECTED_TOKEN", `Unsupported token ${token3.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer2;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token3, strict = true, onError) {
      if (token3) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token3.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token3, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token3, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token3, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token3 ? token3.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token3.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token3.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token3, source);
          break;
        case '"':
          setFlowScalarValue(token3, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token3, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token3, source, "scalar");
      }
    }
    function setBlockScalarValue(token3, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token3.type === "block-scalar") {
        const header = token3.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token3.source = body;
      } else {
        const { offset } = token3;
        const indent = "indent" in token3 ? token3.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token3 ? token3.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token3))
          if (key !== "type" && key !== "offset")
            delete token3[key];
        Object.assign(token3, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token3, source, type) {
      switch (token3.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token3.type = type;
          token3.source = source;
          break;
        case "block-scalar": {
          const end = token3.props.slice(1);
          let oa = source.length;
          if (token3.props[0].type === "block-scalar-header")
            oa -= token3.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token3.props;
          Object.assign(token3, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token3.offset + source.length;
          const nl = { type: "newline", offset, indent: token3.indent, source: "\n" };
          delete token3.items;
          Object.assign(token3, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token3 ? token3.indent : -1;
          const end = "end" in token3 && Array.isArray(token3.end) ? token3.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token3))
            if (key !== "type" && key !== "offset")
              delete token3[key];
          Object.assign(token3, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token3) {
      switch (token3.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token3.props)
            res += stringifyToken(tok);
          return res + token3.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token3.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token3.start.source;
          for (const item of token3.items)
            res += stringifyItem(item);
          for (const st of token3.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token3);
          if (token3.end)
            for (const st of token3.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token3.source;
          if ("end" in token3 && token3.end)
            for (const st of token3.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep: sep4, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep4)
        for (const st of sep4)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path) => {
      let item = cst;
      for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path) => {
      const parent = visit.itemAtPath(cst, path.slice(0, -1));
      const field = path[path.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path, item, visitor) {
      let ctrl = visitor(item, path);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token3 = item[field];
        if (token3 && "items" in token3) {
          for (let i = 0; i < token3.items.length; ++i) {
            const ci = _visit(Object.freeze(path.concat([[field, i]])), token3.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token3.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path) : ctrl;
    }
    exports.visit = visit;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token3) => !!token3 && "items" in token3;
    var isScalar4 = (token3) => !!token3 && (token3.type === "scalar" || token3.type === "single-quoted-scalar" || token3.type === "double-quoted-scalar" || token3.type === "block-scalar");
    function prettyToken(token3) {
      switch (token3) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token3);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar4;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer2 = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer2;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter2 = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter2;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token3) {
      switch (token3?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser2 = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token3 = error ?? this.stack.pop();
        if (!token3) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token3;
        } else {
          const top = this.peek(1);
          if (token3.type === "block-scalar") {
            token3.indent = "indent" in top ? top.indent : 0;
          } else if (token3.type === "flow-collection" && top.type === "document") {
            token3.indent = 0;
          }
          if (token3.type === "flow-collection")
            fixFlowSeqItems(token3);
          switch (top.type) {
            case "document":
              top.value = token3;
              break;
            case "block-scalar":
              top.props.push(token3);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token3, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token3;
              } else {
                Object.assign(it, { key: token3, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token3 });
              else
                it.value = token3;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token3, sep: [] });
              else if (it.sep)
                it.value = token3;
              else
                Object.assign(it, { key: token3, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token3);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token3.type === "block-map" || token3.type === "block-seq")) {
            const last = token3.items[token3.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token3.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token3.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token3.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep4;
          if (scalar.end) {
            sep4 = scalar.end;
            sep4.push(this.sourceToken);
            delete scalar.end;
          } else
            sep4 = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep: sep4 }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep4 = it.sep;
                  sep4.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep: sep4 }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep4 = fc.end.splice(1, fc.end.length);
            sep4.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep: sep4 }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token3) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token3.end)
              token3.end.push(this.sourceToken);
            else
              token3.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser2;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument2(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument2(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument2;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit.visit;
    exports.visitAsync = visit.visitAsync;
  }
});

// src/cli/main.ts
import { mkdir, readFile as readFile3, writeFile as writeFile2 } from "node:fs/promises";
import { dirname, isAbsolute as isAbsolute3, relative as relative3, resolve as resolve3, sep as sep3 } from "node:path";
import { parseArgs } from "node:util";

// src/core/parse/parsed-file.ts
var defaultParseLimits = {
  maxFileBytes: 5 * 1024 * 1024,
  maxNodes: 1e6,
  maxAliases: 1e3,
  maxDepth: 200
};

// src/core/config.ts
var defaultInclude = ["**/*.{yml,yaml,json,template}"];
var defaultExclude = [];
function defaultLintConfig() {
  return {
    failOn: "error",
    include: [...defaultInclude],
    exclude: [...defaultExclude],
    rules: {},
    externalRoles: [],
    limits: { ...defaultParseLimits, maxTotalBytes: 200 * 1024 * 1024 }
  };
}

// src/core/config-file.ts
var import_yaml = __toESM(require_dist(), 1);
var failOnValues = ["error", "warning", "notice", "never"];
var ruleSettingValues = ["off", "notice", "warning", "error"];
var topLevelKeys = ["fail-on", "include", "exclude", "rules", "external-roles", "account", "region", "limits"];
var externalRoleKeys = ["arn", "trust", "managed-policies", "assume-compliant"];
var limitKeys = {
  "max-file-bytes": "maxFileBytes",
  "max-nodes": "maxNodes",
  "max-aliases": "maxAliases",
  "max-depth": "maxDepth",
  "max-total-bytes": "maxTotalBytes"
};
var roleArnPattern = /^arn:aws(?:-[a-z]+)*:iam::\d{12}:role\/[\w+=,.@\/-]+$/;
var regionPattern = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
function parseConfigFile(text, path, knownRuleIds) {
  const lineCounter = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const issues = doc.errors.map((error) => ({ offset: error.pos[0], message: error.message }));
  const config = defaultLintConfig();
  if (issues.length === 0) new ConfigReader(doc, knownRuleIds, issues).read(config);
  if (issues.length > 0) {
    return {
      error: issues.map((issue) => `${path}:${lineCounter.linePos(issue.offset).line}: ${issue.message}`).join("\n")
    };
  }
  return { config };
}
var ConfigReader = class {
  constructor(doc, knownRuleIds, issues) {
    this.doc = doc;
    this.knownRuleIds = knownRuleIds;
    this.issues = issues;
  }
  doc;
  knownRuleIds;
  issues;
  read(config) {
    const root = this.resolve(this.doc.contents);
    if (!isPresent(root)) return;
    if (!(0, import_yaml.isMap)(root)) {
      this.report(root, "the config file must be a map of settings, such as `fail-on: error`");
      return;
    }
    for (const pair of root.items) {
      const key = this.keyOf(pair.key, "");
      if (key === void 0) continue;
      const value = this.resolve(pair.value);
      if (!isPresent(value)) continue;
      switch (key.name) {
        case "fail-on": {
          const setting = this.readEnum(value, key.name, failOnValues);
          if (setting !== void 0) config.failOn = setting;
          break;
        }
        case "include":
        case "exclude": {
          const patterns = this.readStringList(value, key.name);
          if (patterns !== void 0) config[key.name] = patterns;
          break;
        }
        case "rules":
          this.readRules(value, config);
          break;
        case "external-roles":
          this.readExternalRoles(value, config);
          break;
        case "account": {
          const account = this.readRawScalar(value, key.name);
          if (account === void 0) break;
          if (/^\d{12}$/.test(account)) config.account = account;
          else this.report(value, `account: expected a 12-digit AWS account id, got "${account}"`);
          break;
        }
        case "region": {
          const region = this.readString(value, key.name);
          if (region === void 0) break;
          if (regionPattern.test(region)) config.region = region;
          else this.report(value, `region: expected an AWS region such as us-east-1, got "${region}"`);
          break;
        }
        case "limits":
          this.readLimits(value, config);
          break;
        default:
          this.report(key.node, `unknown key "${key.name}"; expected one of ${topLevelKeys.join(", ")}`);
      }
    }
  }
  readRules(node, config) {
    if (!(0, import_yaml.isMap)(node)) {
      this.report(node, "rules: expected a map of rule id to off, notice, warning or error");
      return;
    }
    for (const pair of node.items) {
      const key = this.keyOf(pair.key, "rules.");
      if (key === void 0) continue;
      if (!this.knownRuleIds.includes(key.name)) {
        const suggestion = closestName(key.name, this.knownRuleIds);
        this.report(key.node, `rules: unknown rule id "${key.name}"${suggestion ? `; did you mean "${suggestion}"?` : ""}`);
        continue;
      }
      const value = this.resolve(pair.value);
      if (!isPresent(value)) {
        this.report(key.node, `rules.${key.name}: expected one of ${ruleSettingValues.join(", ")}`);
        continue;
      }
      const setting = this.readEnum(value, `rules.${key.name}`, ruleSettingValues);
      if (setting !== void 0) config.rules[key.name] = setting;
    }
  }
  readExternalRoles(node, config) {
    if (!(0, import_yaml.isSeq)(node)) {
      this.report(node, "external-roles: expected a list of roles, each with an `arn`");
      return;
    }
    node.items.forEach((item, index) => {
      const where = `external-roles[${index}]`;
      const roleNode = this.resolve(item);
      if (!(0, import_yaml.isMap)(roleNode)) {
        this.report(roleNode ?? node, `${where}: expected a map with an \`arn\` and \`trust\`, \`managed-policies\` or \`assume-compliant\``);
        return;
      }
      const role = {};
      for (const pair of roleNode.items) {
        const key = this.keyOf(pair.key, `${where}.`);
        if (key === void 0) continue;
        const name = `${where}.${key.name}`;
        const value = this.resolve(pair.value);
        if (!externalRoleKeys.includes(key.name)) {
          this.report(key.node, `${where}: unknown key "${key.name}"; expected one of ${externalRoleKeys.join(", ")}`);
          continue;
        }
        if (!isPresent(value)) {
          this.report(key.node, `${name}: missing value`);
          continue;
        }
        switch (key.name) {
          case "arn": {
            const arn2 = this.readString(value, name);
            if (arn2 === void 0) break;
            if (roleArnPattern.test(arn2)) role.arn = arn2;
            else this.report(value, `${name}: expected an IAM role ARN such as arn:aws:iam::123456789012:role/name, got "${arn2}"`);
            break;
          }
          case "trust": {
            const trust = this.readStringList(value, name);
            if (trust !== void 0) role.trust = trust;
            break;
          }
          case "managed-policies": {
            const policies = this.readStringList(value, name);
            if (policies !== void 0) role.managedPolicies = policies;
            break;
          }
          case "assume-compliant":
            if ((0, import_yaml.isScalar)(value) && typeof value.value === "boolean") role.assumeCompliant = value.value;
            else this.report(value, `${name}: expected true or false`);
            break;
        }
      }
      if (role.arn !== void 0) config.externalRoles.push(role);
      else if (!roleNode.items.some((pair) => (0, import_yaml.isScalar)(pair.key) && pair.key.value === "arn")) {
        this.report(roleNode, `${where}: missing key "arn"`);
      }
    });
  }
  readLimits(node, config) {
    if (!(0, import_yaml.isMap)(node)) {
      this.report(node, `limits: expected a map with any of ${Object.keys(limitKeys).join(", ")}`);
      return;
    }
    for (const pair of node.items) {
      const key = this.keyOf(pair.key, "limits.");
      if (key === void 0) continue;
      if (!Object.hasOwn(limitKeys, key.name)) {
        this.report(key.node, `limits: unknown key "${key.name}"; expected one of ${Object.keys(limitKeys).join(", ")}`);
        continue;
      }
      const value = this.resolve(pair.value);
      if (!isPresent(value)) continue;
      const name = key.name;
      const minimum = name === "max-aliases" ? 0 : 1;
      if ((0, import_yaml.isScalar)(value) && typeof value.value === "number" && Number.isSafeInteger(value.value) && value.value >= minimum) {
        config.limits[limitKeys[name]] = value.value;
      } else {
        this.report(value, `limits.${name}: expected a whole number of at least ${minimum}`);
      }
    }
  }
  readEnum(node, name, allowed) {
    if ((0, import_yaml.isScalar)(node) && typeof node.value === "string" && allowed.includes(node.value)) {
      return node.value;
    }
    this.report(node, `${name}: expected one of ${allowed.join(", ")}, got ${describe(node)}`);
    return void 0;
  }
  readString(node, name) {
    if ((0, import_yaml.isScalar)(node) && typeof node.value === "string") return node.value;
    this.report(node, `${name}: expected a string, got ${describe(node)}`);
    return void 0;
  }
  /** The scalar as written: `account: 012345678901` is a YAML number that would lose its leading zero. */
  readRawScalar(node, name) {
    if ((0, import_yaml.isScalar)(node) && (typeof node.value === "string" || typeof node.value === "number")) {
      return typeof node.value === "string" ? node.value : node.source ?? String(node.value);
    }
    this.report(node, `${name}: expected a string, got ${describe(node)}`);
    return void 0;
  }
  readStringList(node, name) {
    if (!(0, import_yaml.isSeq)(node)) {
      this.report(node, `${name}: expected a list of strings, got ${describe(node)}`);
      return void 0;
    }
    const result = [];
    let ok = true;
    node.items.forEach((item, index) => {
      const value = this.resolve(item);
      if ((0, import_yaml.isScalar)(value) && typeof value.value === "string" && value.value !== "") result.push(value.value);
      else {
        this.report(value ?? node, `${name}[${index}]: expected a non-empty string, got ${describe(value)}`);
        ok = false;
      }
    });
    return ok ? result : void 0;
  }
  keyOf(key, prefix) {
    if ((0, import_yaml.isScalar)(key) && typeof key.value === "string") return { name: key.value, node: key };
    this.report(key ?? void 0, `${prefix || "config"}: keys must be strings, got ${describe(key)}`);
    return void 0;
  }
  /** Follows an alias to its anchor so `*defaults` reads like the value it names. */
  resolve(node) {
    if ((0, import_yaml.isAlias)(node)) return node.resolve(this.doc) ?? null;
    return node;
  }
  report(node, message) {
    this.issues.push({ offset: node?.range?.[0] ?? 0, message });
  }
};
function isPresent(node) {
  return node !== null && node !== void 0 && !((0, import_yaml.isScalar)(node) && node.value === null);
}
function describe(node) {
  if (!isPresent(node)) return "nothing";
  if ((0, import_yaml.isMap)(node)) return "a map";
  if ((0, import_yaml.isSeq)(node)) return "a list";
  if ((0, import_yaml.isScalar)(node)) {
    const value = node.value;
    if (typeof value === "string") return `"${value}"`;
    return typeof value === "object" ? "a value" : `${typeof value} ${String(value)}`;
  }
  return "a value";
}
function closestName(name, candidates) {
  let best;
  let bestDistance = 4;
  for (const candidate of candidates) {
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
function editDistance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

// src/core/finding.ts
var severityRank = { notice: 1, warning: 2, error: 3 };

// src/core/parse/node.ts
function isMap2(node) {
  return node !== void 0 && node.kind === "map";
}
function isSeq2(node) {
  return node !== void 0 && node.kind === "seq";
}
function isScalar2(node) {
  return node !== void 0 && node.kind === "scalar";
}
function getEntry(node, key) {
  if (!isMap2(node)) return void 0;
  for (const entry of node.entries) if (entry.key === key) return entry;
  return void 0;
}
function getValue(node, key) {
  return getEntry(node, key)?.value;
}
function scalarString(node) {
  if (!isScalar2(node) || node.value === null) return void 0;
  return String(node.value);
}
function intrinsicName(node) {
  if (!isMap2(node) || node.entries.length !== 1) return void 0;
  const key = node.entries[0].key;
  return key === "Ref" || key === "Condition" || key.startsWith("Fn::") ? key : void 0;
}

// src/core/iam/managed-policies.ts
var partitionArn = "arn:${AWS::Partition}:";
function arn(rest) {
  return partitionArn + rest;
}
function condition(operator, key, ...values) {
  return { operator, key, values };
}
function allow(action, resource = ["*"], conditions = [], sid) {
  const statement = { effect: "Allow", action, resource, conditions };
  if (sid !== void 0) statement.sid = sid;
  return statement;
}
function snapshot(meta, statements) {
  return { ...meta, document: { name: meta.name, statements } };
}
var ecrPullActions = [
  "ecr:GetAuthorizationToken",
  "ecr:BatchCheckLayerAvailability",
  "ecr:GetDownloadUrlForLayer",
  "ecr:BatchGetImage"
];
var ecrReadActions = [
  "ecr:GetAuthorizationToken",
  "ecr:BatchCheckLayerAvailability",
  "ecr:GetDownloadUrlForLayer",
  "ecr:GetRepositoryPolicy",
  "ecr:DescribeRepositories",
  "ecr:ListImages",
  "ecr:DescribeImages",
  "ecr:BatchGetImage",
  "ecr:GetLifecyclePolicy",
  "ecr:GetLifecyclePolicyPreview",
  "ecr:ListTagsForResource",
  "ecr:DescribeImageScanFindings"
];
var ssmAgentActions = [
  "ssm:DescribeAssociation",
  "ssm:GetDeployablePatchSnapshotForInstance",
  "ssm:GetDocument",
  "ssm:DescribeDocument",
  "ssm:GetManifest",
  "ssm:GetParameter",
  "ssm:GetParameters",
  "ssm:ListAssociations",
  "ssm:ListInstanceAssociations",
  "ssm:PutInventory",
  "ssm:PutComplianceItems",
  "ssm:PutConfigurePackageResult",
  "ssm:UpdateAssociationStatus",
  "ssm:UpdateInstanceAssociationStatus",
  "ssm:UpdateInstanceInformation"
];
var ssmMessagesActions = [
  "ssmmessages:CreateControlChannel",
  "ssmmessages:CreateDataChannel",
  "ssmmessages:OpenControlChannel",
  "ssmmessages:OpenDataChannel"
];
var ec2MessagesActions = [
  "ec2messages:AcknowledgeMessage",
  "ec2messages:DeleteMessage",
  "ec2messages:FailMessage",
  "ec2messages:GetEndpoint",
  "ec2messages:GetMessages",
  "ec2messages:SendReply"
];
var xrayDaemonActions = [
  "xray:PutTraceSegments",
  "xray:PutTelemetryRecords",
  "xray:GetSamplingRules",
  "xray:GetSamplingTargets",
  "xray:GetSamplingStatisticSummaries"
];
var ecsManagedTag = condition("StringEquals", "aws:RequestTag/AmazonECSManaged", "true");
var ecsManagedResourceTag = condition("StringEquals", "aws:ResourceTag/AmazonECSManaged", "true");
var sameAccountResource = condition("StringEquals", "aws:ResourceAccount", "${aws:PrincipalAccount}");
var serviceConnectCreatedBy = condition(
  "ArnLike",
  "aws:RequestTag/AmazonECSCreated",
  arn("ecs:*:*:service/*/*"),
  arn("ecs:*:*:task-set/*/*")
);
var awsManagedPolicies = [
  // §2.1. v8 added the ListTagsForResource statement; v9 and v10 have the same statements.
  snapshot({ name: "AmazonEC2ContainerServiceforEC2Role", path: "service-role/", version: "v10", date: "2026-02-12" }, [
    allow([
      "ec2:DescribeTags",
      "ecs:CreateCluster",
      "ecs:DeregisterContainerInstance",
      "ecs:DiscoverPollEndpoint",
      "ecs:Poll",
      "ecs:RegisterContainerInstance",
      "ecs:StartTelemetrySession",
      "ecs:UpdateContainerInstancesState",
      "ecs:Submit*",
      ...ecrPullActions,
      "logs:CreateLogStream",
      "logs:PutLogEvents"
    ]),
    allow(["ecs:TagResource"], ["*"], [
      condition("StringEquals", "ecs:CreateAction", "CreateCluster", "RegisterContainerInstance")
    ]),
    allow(["ecs:ListTagsForResource"], [arn("ecs:*:*:task/*/*"), arn("ecs:*:*:container-instance/*/*")])
  ]),
  // §2.2. Deliberately lacks logs:CreateLogGroup, secretsmanager, ssm, kms and s3 (M7).
  snapshot({ name: "AmazonECSTaskExecutionRolePolicy", path: "service-role/", version: "v1", date: "2017-11-16" }, [
    allow([...ecrPullActions, "logs:CreateLogStream", "logs:PutLogEvents"])
  ]),
  // §2.3 summarises v23; the statements are those of the MAMIP v13 copy that the summary names, plus
  // ssmmessages:OpenDataChannel (added 2026-01-20), whose resource no source gives. The 2026-04-24
  // autoscaling:TerminateInstanceInAutoScalingGroup addition is newer than v23 and left out.
  snapshot(
    { name: "AmazonECSServiceRolePolicy", path: "aws-service-role/", version: "v23", date: "2026-02-12", partial: true },
    [
      allow(
        [
          "ec2:AttachNetworkInterface",
          "ec2:AssociateTrunkInterface",
          "ec2:CreateNetworkInterface",
          "ec2:CreateNetworkInterfacePermission",
          "ec2:DeleteNetworkInterface",
          "ec2:DeleteNetworkInterfacePermission",
          "ec2:Describe*",
          "ec2:DetachNetworkInterface",
          "ec2:DisassociateTrunkInterface",
          "elasticloadbalancing:DeregisterInstancesFromLoadBalancer",
          "elasticloadbalancing:DeregisterTargets",
          "elasticloadbalancing:Describe*",
          "elasticloadbalancing:RegisterInstancesWithLoadBalancer",
          "elasticloadbalancing:RegisterTargets",
          "route53:ChangeResourceRecordSets",
          "route53:CreateHealthCheck",
          "route53:DeleteHealthCheck",
          "route53:Get*",
          "route53:List*",
          "route53:UpdateHealthCheck",
          "servicediscovery:DeregisterInstance",
          "servicediscovery:Get*",
          "servicediscovery:List*",
          "servicediscovery:RegisterInstance",
          "servicediscovery:UpdateInstanceCustomHealthStatus"
        ],
        ["*"],
        [],
        "ECSTaskManagement"
      ),
      allow(["autoscaling:Describe*"], ["*"], [], "AutoScaling"),
      allow(
        [
          "autoscaling:DeletePolicy",
          "autoscaling:PutScalingPolicy",
          "autoscaling:SetInstanceProtection",
          "autoscaling:UpdateAutoScalingGroup",
          "autoscaling:PutLifecycleHook",
          "autoscaling:DeleteLifecycleHook",
          "autoscaling:CompleteLifecycleAction",
          "autoscaling:RecordLifecycleActionHeartbeat"
        ],
        ["*"],
        [condition("Null", "autoscaling:ResourceTag/AmazonECSManaged", "false")],
        "AutoScalingManagement"
      ),
      allow(["events:DescribeRule", "events:ListTargetsByRule"], [arn("events:*:*:rule/ecs-managed-*")], [], "EventBridge"),
      allow(
        ["events:PutRule", "events:PutTargets"],
        ["*"],
        [condition("StringEquals", "events:ManagedBy", "ecs.amazonaws.com")],
        "EventBridgeRuleManagement"
      ),
      allow(
        ["cloudwatch:DeleteAlarms", "cloudwatch:DescribeAlarms", "cloudwatch:PutMetricAlarm"],
        [arn("cloudwatch:*:*:alarm:*")],
        [],
        "CWAlarmManagement"
      ),
      allow(["ec2:CreateTags"], [arn("ec2:*:*:network-interface/*")], [], "ECSTagging"),
      allow(
        ["logs:CreateLogGroup", "logs:DescribeLogGroups", "logs:PutRetentionPolicy"],
        [arn("logs:*:*:log-group:/aws/ecs/*")],
        [],
        "CWLogGroupManagement"
      ),
      allow(
        ["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"],
        [arn("logs:*:*:log-group:/aws/ecs/*:log-stream:*")],
        [],
        "CWLogStreamManagement"
      ),
      allow(["ssm:DescribeSessions"], ["*"], [], "ExecuteCommandSessionManagement"),
      allow(
        ["ssm:StartSession"],
        [arn("ecs:*:*:task/*"), arn("ssm:*:*:document/AmazonECS-ExecuteInteractiveCommand")],
        [],
        "ExecuteCommand"
      ),
      { effect: "Allow", action: ["ssmmessages:OpenDataChannel"], resource: ["*"], conditions: [], unresolved: true }
    ]
  ),
  snapshot(
    { name: "AmazonEC2ContainerServiceRole", path: "service-role/", version: "v2", date: "2016-08-11", deprecated: true },
    [
      allow([
        "ec2:AuthorizeSecurityGroupIngress",
        "ec2:Describe*",
        "elasticloadbalancing:DeregisterInstancesFromLoadBalancer",
        "elasticloadbalancing:DeregisterTargets",
        "elasticloadbalancing:Describe*",
        "elasticloadbalancing:RegisterInstancesWithLoadBalancer",
        "elasticloadbalancing:RegisterTargets"
      ])
    ]
  ),
  snapshot({ name: "AmazonEC2ContainerServiceEventsRole", path: "service-role/", version: "v3", date: "2023-03-06" }, [
    allow(["ecs:RunTask"]),
    allow(["iam:PassRole"], ["*"], [condition("StringLike", "iam:PassedToService", "ecs-tasks.amazonaws.com")]),
    allow(["ecs:TagResource"], ["*"], [condition("StringEquals", "ecs:CreateAction", "RunTask")])
  ]),
  snapshot(
    { name: "AmazonEC2ContainerServiceAutoscaleRole", path: "service-role/", version: "v2", date: "2018-02-05", deprecated: true },
    [
      allow(["ecs:DescribeServices", "ecs:UpdateService"]),
      allow(["cloudwatch:DescribeAlarms", "cloudwatch:PutMetricAlarm"])
    ]
  ),
  // §2.3 gives v2's exact actions, all on `*` as in v1 (v2 added cloudwatch:GetMetricData).
  snapshot(
    { name: "AWSApplicationAutoscalingECSServicePolicy", path: "aws-service-role/", version: "v2", date: "2024-10-24" },
    [
      allow([
        "ecs:DescribeServices",
        "ecs:UpdateService",
        "cloudwatch:PutMetricAlarm",
        "cloudwatch:DescribeAlarms",
        "cloudwatch:GetMetricData",
        "cloudwatch:DeleteAlarms"
      ])
    ]
  ),
  // Statements of the MAMIP v4 copy (2026-02-11), which match the §2.3 summary of v5.
  snapshot(
    { name: "AmazonECSInfrastructureRolePolicyForVolumes", path: "service-role/", version: "v5", date: "2026-02-12", partial: true },
    [
      allow(
        ["ec2:CreateVolume"],
        [arn("ec2:*:*:volume/*")],
        [condition("ArnLike", "aws:RequestTag/AmazonECSCreated", arn("ecs:*:*:task/*")), ecsManagedTag],
        "CreateEBSManagedVolume"
      ),
      allow(["ec2:CreateVolume"], [arn("ec2:*:*:snapshot/*")], [], "CreateEBSManagedVolumeFromSnapshot"),
      allow(
        ["ec2:CreateTags"],
        [arn("ec2:*:*:volume/*")],
        [
          condition("ArnLike", "aws:RequestTag/AmazonECSCreated", arn("ecs:*:*:task/*")),
          condition("StringEquals", "ec2:CreateAction", "CreateVolume"),
          ecsManagedTag
        ],
        "TagOnCreateVolume"
      ),
      allow(["ec2:DescribeVolumes", "ec2:DescribeAvailabilityZones"], ["*"], [], "DescribeVolumesForLifecycle"),
      allow(["ec2:DescribeInstances"], ["*"], [], "DescribeInstancesForAttachingVolume"),
      allow(["ec2:AttachVolume", "ec2:DetachVolume"], [arn("ec2:*:*:volume/*")], [ecsManagedResourceTag], "ManageEBSVolumeLifecycle"),
      allow(["ec2:AttachVolume", "ec2:DetachVolume"], [arn("ec2:*:*:instance/*")], [], "ManageVolumeAttachmentsForEC2"),
      allow(
        ["ec2:DeleteVolume"],
        [arn("ec2:*:*:volume/*")],
        [condition("ArnLike", "aws:ResourceTag/AmazonECSCreated", arn("ecs:*:*:task/*")), ecsManagedResourceTag],
        "DeleteEBSManagedVolume"
      )
    ]
  ),
  // Listener and rule statements as in the MAMIP v1 copy; the target-group statement is the §2.3
  // summary of v6, whose resource no source read gives, hence `unresolved`.
  snapshot(
    { name: "AmazonECSInfrastructureRolePolicyForLoadBalancers", path: "", version: "v6", date: "2026-02-12", partial: true },
    [
      allow(
        [
          "elasticloadbalancing:DescribeListeners",
          "elasticloadbalancing:DescribeRules",
          "elasticloadbalancing:DescribeTargetGroups",
          "elasticloadbalancing:DescribeTargetHealth"
        ],
        ["*"],
        [],
        "ELBReadOperations"
      ),
      {
        effect: "Allow",
        action: ["elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets"],
        resource: ["*"],
        conditions: [],
        unresolved: true
      },
      allow(["elasticloadbalancing:ModifyListener"], [arn("elasticloadbalancing:*:*:listener/app/*/*/*")], [], "ALBModifyListeners"),
      allow(["elasticloadbalancing:ModifyListener"], [arn("elasticloadbalancing:*:*:listener/net/*/*/*")], [], "NLBModifyListeners"),
      allow(["elasticloadbalancing:ModifyRule"], [arn("elasticloadbalancing:*:*:listener-rule/app/*/*/*/*")], [], "ALBModifyRules")
    ]
  ),
  // Statements of the MAMIP v3 copy (2026-02-11), which match the §2.3 summary of v4.
  snapshot(
    {
      name: "AmazonECSInfrastructureRolePolicyForServiceConnectTransportLayerSecurity",
      path: "service-role/",
      version: "v4",
      date: "2026-02-12",
      partial: true
    },
    [
      allow(
        ["secretsmanager:CreateSecret"],
        [arn("secretsmanager:*:*:secret:ecs-sc!*")],
        [serviceConnectCreatedBy, ecsManagedTag, sameAccountResource],
        "CreateSecret"
      ),
      allow(
        ["secretsmanager:TagResource"],
        [arn("secretsmanager:*:*:secret:ecs-sc!*")],
        [serviceConnectCreatedBy, ecsManagedTag, sameAccountResource],
        "TagOnCreateSecret"
      ),
      allow(
        [
          "secretsmanager:UpdateSecret",
          "secretsmanager:GetSecretValue",
          "secretsmanager:PutSecretValue",
          "secretsmanager:DeleteSecret",
          "secretsmanager:RotateSecret",
          "secretsmanager:UpdateSecretVersionStage"
        ],
        [arn("secretsmanager:*:*:secret:ecs-sc!*")],
        [condition("StringEquals", "secretsmanager:ResourceTag/aws:secretsmanager:owningService", "ecs-sc"), sameAccountResource],
        "RotateTLSCertificateSecret"
      ),
      allow(["secretsmanager:DescribeSecret"], [arn("secretsmanager:*:*:secret:ecs-sc!*")], [sameAccountResource], "DescribeTLSCertificateSecret"),
      allow(
        ["acm-pca:GetCertificate", "acm-pca:GetCertificateAuthorityCertificate", "acm-pca:DescribeCertificateAuthority"],
        ["*"],
        [ecsManagedResourceTag],
        "ManagePrivateCertificateAuthority"
      ),
      allow(
        ["acm-pca:IssueCertificate"],
        ["*"],
        [condition("StringEquals", "acm-pca:TemplateArn", arn("acm-pca:::template/EndEntityCertificate/V1")), ecsManagedResourceTag],
        "ManagePrivateCertificateAuthorityForIssuingEndEntityCertificate"
      )
    ]
  ),
  snapshot({ name: "AmazonECSInfrastructureRolePolicyForVpcLattice", path: "", version: "v1", date: "2024-11-15" }, [
    allow(
      ["vpc-lattice:RegisterTargets", "vpc-lattice:DeregisterTargets"],
      [arn("vpc-lattice:*:*:targetgroup/*")],
      [],
      "ManagedVpcLatticeTargetRegistration"
    ),
    allow(["vpc-lattice:GetTargetGroup"], [arn("vpc-lattice:*:*:targetgroup/*")], [], "DescribeVpcLatticeTargetGroup"),
    allow(["vpc-lattice:ListTargets"], [arn("vpc-lattice:*:*:targetgroup/*")], [], "ListVpcLatticeTargets"),
    allow(["ec2:DescribeSubnets", "ec2:DescribeVpcs", "ec2:DescribeInstances"], ["*"], [], "DescribeEc2Resources")
  ]),
  // Statements of the MAMIP v9 copy (2026-02-12), except PassRole, whose `ec2.*` pattern is the §2.3
  // reading of v11 (v9 had StringEquals `ec2.amazonaws.com`). R6 depends on its `ecsInstanceRole*` resource.
  snapshot(
    { name: "AmazonECSInfrastructureRolePolicyForManagedInstances", path: "", version: "v11", date: "2026-02-26", partial: true },
    [
      allow(["ec2:CreateLaunchTemplate"], [arn("ec2:*:*:launch-template/*")], [ecsManagedTag], "CreateLaunchTemplateForManagedInstances"),
      allow(
        ["ec2:CreateLaunchTemplateVersion", "ec2:ModifyLaunchTemplate"],
        [arn("ec2:*:*:launch-template/*")],
        [condition("StringEquals", "ec2:ManagedResourceOperator", "ecs.amazonaws.com")],
        "CreateLaunchTemplateVersionsForManagedInstances"
      ),
      allow(
        ["ec2:CreateFleet"],
        [
          arn("ec2:*:*:fleet/*"),
          arn("ec2:*:*:instance/*"),
          arn("ec2:*:*:network-interface/*"),
          arn("ec2:*:*:launch-template/*"),
          arn("ec2:*:*:volume/*")
        ],
        [ecsManagedTag],
        "ProvisionEC2InstancesForManagedInstances"
      ),
      allow(
        ["ec2:CreateFleet"],
        [arn("ec2:*:*:subnet/*"), arn("ec2:*:*:security-group/*"), arn("ec2:*::image/*")],
        [],
        "CreateFleetForSupportingResources"
      ),
      allow(
        ["ec2:RunInstances"],
        [arn("ec2:*:*:instance/*"), arn("ec2:*:*:volume/*"), arn("ec2:*:*:network-interface/*")],
        [ecsManagedTag],
        "RunInstancesForManagedInstances"
      ),
      allow(
        ["ec2:RunInstances"],
        [arn("ec2:*:*:launch-template/*")],
        [condition("StringEquals", "ec2:ResourceTag/AmazonECSManaged", "true")],
        "RunInstancesForECSManagedLaunchTemplates"
      ),
      allow(
        ["ec2:RunInstances"],
        [arn("ec2:*:*:subnet/*"), arn("ec2:*:*:security-group/*"), arn("ec2:*::image/*")],
        [],
        "RunInstancesForSupportingResources"
      ),
      allow(
        ["ec2:CreateTags"],
        [
          arn("ec2:*:*:fleet/*"),
          arn("ec2:*:*:launch-template/*"),
          arn("ec2:*:*:network-interface/*"),
          arn("ec2:*:*:instance/*"),
          arn("ec2:*:*:volume/*")
        ],
        [condition("StringEquals", "ec2:CreateAction", "CreateFleet", "CreateLaunchTemplate", "RunInstances")],
        "TagOnCreateEC2ResourcesForManagedInstances"
      ),
      allow(
        ["iam:PassRole"],
        [arn("iam::*:role/ecsInstanceRole*")],
        [condition("StringLike", "iam:PassedToService", "ec2.*")],
        "PassInstanceRoleForManagedInstances"
      ),
      allow(
        ["iam:CreateServiceLinkedRole"],
        [arn("iam::*:role/aws-service-role/spot.amazonaws.com/AWSServiceRoleForEC2Spot")],
        [],
        "CreateServiceLinkedRoleForEC2Spot"
      ),
      allow(
        [
          "ec2:DescribeInstances",
          "ec2:DescribeInstanceTypes",
          "ec2:DescribeLaunchTemplates",
          "ec2:DescribeNetworkInterfaces",
          "ec2:DescribeInstanceTypeOfferings",
          "ec2:DescribeAvailabilityZones",
          "ec2:DescribeSecurityGroups",
          "ec2:DescribeSubnets",
          "ec2:DescribeVpcs"
        ],
        ["*"],
        [],
        "DescribeEC2ResourcesManagedByECS"
      )
    ]
  ),
  // The §2.3 summary of v3 matches the statements of the MAMIP v1 copy.
  snapshot(
    { name: "AmazonECSInstanceRolePolicyForManagedInstances", path: "", version: "v3", date: "2026-02-12", partial: true },
    [
      allow(["ecs:DiscoverPollEndpoint"], ["*"], [], "ECSAgentDiscoverPollEndpointPermissions"),
      allow(["ecs:RegisterContainerInstance"], [arn("ecs:*:*:cluster/*")], [], "ECSAgentRegisterPermissions"),
      allow(["ecs:Poll"], [arn("ecs:*:*:container-instance/*")], [], "ECSAgentPollPermissions"),
      allow(
        ["ecs:StartTelemetrySession", "ecs:PutSystemLogEvents"],
        [arn("ecs:*:*:container-instance/*")],
        [],
        "ECSAgentTelemetryPermissions"
      ),
      allow(
        ["ecs:SubmitAttachmentStateChanges", "ecs:SubmitTaskStateChange"],
        [arn("ecs:*:*:cluster/*")],
        [],
        "ECSAgentStateChangePermissions"
      )
    ]
  ),
  // Express Mode's infrastructure policy (R45): no source read gives its content, but knowing its
  // name and path still lets a wrong ARN be caught.
  snapshot(
    { name: "AmazonECSInfrastructureRoleforExpressGatewayServices", path: "service-role/", version: "", date: "", partial: true, unknownContent: true },
    []
  ),
  snapshot({ name: "AWSCodeDeployRoleForECS", path: "", version: "v3", date: "2019-09-23" }, [
    allow([
      "ecs:DescribeServices",
      "ecs:CreateTaskSet",
      "ecs:UpdateServicePrimaryTaskSet",
      "ecs:DeleteTaskSet",
      "elasticloadbalancing:DescribeTargetGroups",
      "elasticloadbalancing:DescribeListeners",
      "elasticloadbalancing:ModifyListener",
      "elasticloadbalancing:DescribeRules",
      "elasticloadbalancing:ModifyRule",
      "lambda:InvokeFunction",
      "cloudwatch:DescribeAlarms",
      "sns:Publish",
      "s3:GetObject",
      "s3:GetObjectVersion"
    ]),
    allow(["iam:PassRole"], ["*"], [condition("StringLike", "iam:PassedToService", "ecs-tasks.amazonaws.com")])
  ]),
  snapshot({ name: "AWSCodeDeployRoleForECSLimited", path: "", version: "v3", date: "2019-09-23" }, [
    allow(["ecs:DescribeServices", "ecs:CreateTaskSet", "ecs:UpdateServicePrimaryTaskSet", "ecs:DeleteTaskSet", "cloudwatch:DescribeAlarms"]),
    allow(["sns:Publish"], [arn("sns:*:*:CodeDeployTopic_*")]),
    allow([
      "elasticloadbalancing:DescribeTargetGroups",
      "elasticloadbalancing:DescribeListeners",
      "elasticloadbalancing:ModifyListener",
      "elasticloadbalancing:DescribeRules",
      "elasticloadbalancing:ModifyRule"
    ]),
    allow(["lambda:InvokeFunction"], [arn("lambda:*:*:function:CodeDeployHook_*")]),
    allow(["s3:GetObject", "s3:GetObjectVersion"], ["*"], [
      condition("StringEquals", "s3:ExistingObjectTag/UseWithCodeDeploy", "true")
    ]),
    allow(
      ["iam:PassRole"],
      [arn("iam::*:role/ecsTaskExecutionRole"), arn("iam::*:role/ECSTaskExecution*")],
      [condition("StringLike", "iam:PassedToService", "ecs-tasks.amazonaws.com")]
    )
  ]),
  snapshot({ name: "AWSAppMeshEnvoyAccess", path: "", version: "v1", date: "2019-07-03" }, [
    allow(["appmesh:StreamAggregatedResources"])
  ]),
  snapshot({ name: "AWSXRayDaemonWriteAccess", path: "", version: "v2", date: "2024-02-13" }, [
    allow(xrayDaemonActions, ["*"], [], "AWSXRayDaemonWriteAccess")
  ]),
  // §2.3 gives no version; v2 is the MAMIP copy's, unchanged since 2019.
  snapshot({ name: "AmazonSSMManagedInstanceCore", path: "", version: "v2", date: "2019-05-23" }, [
    allow(ssmAgentActions),
    allow(ssmMessagesActions),
    allow(ec2MessagesActions)
  ]),
  // Only the statements R39, R40 and R42 lean on: the PassRole templates, the service-linked-role
  // creation (as in the MAMIP v20 copy, statement list of v21 per §3) and ecs:* itself.
  snapshot({ name: "AmazonECS_FullAccess", path: "", version: "v21", date: "2024-08-13", partial: true }, [
    allow(["ecs:*"]),
    allow(
      ["iam:PassRole"],
      ["*"],
      [condition("StringLike", "iam:PassedToService", "ecs-tasks.amazonaws.com")],
      "TasksPassRolePolicy"
    ),
    allow(
      ["iam:PassRole"],
      [arn("iam::*:role/ecsInfrastructureRole")],
      [condition("StringEquals", "iam:PassedToService", "ecs.amazonaws.com")],
      "InfrastructurePassRolePolicy"
    ),
    allow(
      ["iam:PassRole"],
      [arn("iam::*:role/ecsInstanceRole*")],
      [condition("StringLike", "iam:PassedToService", "ec2.amazonaws.com", "ec2.amazonaws.com.cn")]
    ),
    allow(
      ["iam:PassRole"],
      [arn("iam::*:role/ecsAutoscaleRole*")],
      [
        condition(
          "StringLike",
          "iam:PassedToService",
          "application-autoscaling.amazonaws.com",
          "application-autoscaling.amazonaws.com.cn"
        )
      ]
    ),
    allow(
      ["iam:CreateServiceLinkedRole"],
      ["*"],
      [
        condition(
          "StringLike",
          "iam:AWSServiceName",
          "autoscaling.amazonaws.com",
          "ecs.amazonaws.com",
          "ecs.application-autoscaling.amazonaws.com",
          "spot.amazonaws.com",
          "spotfleet.amazonaws.com"
        )
      ]
    )
  ]),
  // Commonly attached non-ECS policies; versions and dates are those of the MAMIP copies read.
  snapshot({ name: "AdministratorAccess", path: "", version: "v1", date: "2015-02-06" }, [allow(["*"])]),
  snapshot({ name: "PowerUserAccess", path: "", version: "v12", date: "2026-02-12" }, [
    { effect: "Allow", notAction: ["iam:*", "organizations:*", "account:*"], resource: ["*"], conditions: [] },
    allow([
      "account:GetAccountInformation",
      "account:GetGovCloudAccountInformation",
      "account:GetPrimaryEmail",
      "account:ListRegions",
      "iam:CreateServiceLinkedRole",
      "iam:DeleteServiceLinkedRole",
      "iam:ListRoles",
      "organizations:DescribeEffectivePolicy",
      "organizations:DescribeOrganization"
    ])
  ]),
  // Hundreds of services; only the patterns that ECS checks meet are listed (from the v87 copy).
  // Note that it grants no secretsmanager:GetSecretValue.
  snapshot({ name: "ReadOnlyAccess", path: "", version: "v87", date: "2022-05-23", partial: true, unknownContent: true }, [
    allow([
      "ecr:BatchCheck*",
      "ecr:BatchGet*",
      "ecr:Describe*",
      "ecr:Get*",
      "ecr:List*",
      "ecs:Describe*",
      "ecs:List*",
      "elasticfilesystem:Describe*",
      "iam:Get*",
      "iam:List*",
      "kms:Describe*",
      "kms:Get*",
      "kms:List*",
      "logs:Describe*",
      "logs:FilterLogEvents",
      "logs:Get*",
      "s3:DescribeJob",
      "s3:Get*",
      "s3:List*",
      "secretsmanager:Describe*",
      "secretsmanager:GetResourcePolicy",
      "secretsmanager:List*",
      "ssm:Describe*",
      "ssm:Get*",
      "ssm:List*",
      "xray:BatchGet*",
      "xray:Get*"
    ])
  ]),
  snapshot({ name: "AmazonS3ReadOnlyAccess", path: "", version: "v3", date: "2023-08-10", partial: true }, [
    allow(["s3:Get*", "s3:List*", "s3:Describe*", "s3-object-lambda:Get*", "s3-object-lambda:List*"])
  ]),
  snapshot({ name: "AmazonS3FullAccess", path: "", version: "v2", date: "2021-09-27", partial: true }, [
    allow(["s3:*", "s3-object-lambda:*"])
  ]),
  snapshot({ name: "AmazonSSMReadOnlyAccess", path: "", version: "v1", date: "2015-05-29", partial: true }, [
    allow(["ssm:Describe*", "ssm:Get*", "ssm:List*"])
  ]),
  snapshot({ name: "CloudWatchLogsFullAccess", path: "", version: "v3", date: "2025-05-20", partial: true }, [
    allow(["logs:*", "cloudwatch:GenerateQuery", "cloudwatch:GenerateQueryResultsSummary"], ["*"], [], "CloudWatchLogsFullAccess")
  ]),
  snapshot({ name: "CloudWatchAgentServerPolicy", path: "", version: "v3", date: "2024-02-06", partial: true }, [
    allow(
      [
        "cloudwatch:PutMetricData",
        "ec2:DescribeVolumes",
        "ec2:DescribeTags",
        "logs:PutLogEvents",
        "logs:PutRetentionPolicy",
        "logs:DescribeLogStreams",
        "logs:DescribeLogGroups",
        "logs:CreateLogStream",
        "logs:CreateLogGroup",
        ...xrayDaemonActions
      ],
      ["*"],
      [],
      "CWACloudWatchServerPermissions"
    ),
    allow(["ssm:GetParameter"], [arn("ssm:*:*:parameter/AmazonCloudWatch-*")], [], "CWASSMServerPermissions")
  ]),
  // Deprecated in favour of AmazonSSMManagedInstanceCore; the v8 copy lacks ssm:GetParameter.
  snapshot(
    { name: "AmazonEC2RoleforSSM", path: "service-role/", version: "v8", date: "2019-01-24", partial: true, deprecated: true },
    [
      allow(ssmAgentActions.filter((action) => action !== "ssm:GetParameter")),
      allow(ssmMessagesActions),
      allow(ec2MessagesActions),
      allow(["cloudwatch:PutMetricData"]),
      allow(["ec2:DescribeInstanceStatus"]),
      allow(["ds:CreateComputer", "ds:DescribeDirectories"]),
      allow(["logs:CreateLogGroup", "logs:CreateLogStream", "logs:DescribeLogGroups", "logs:DescribeLogStreams", "logs:PutLogEvents"]),
      allow([
        "s3:GetBucketLocation",
        "s3:PutObject",
        "s3:GetObject",
        "s3:GetEncryptionConfiguration",
        "s3:AbortMultipartUpload",
        "s3:ListMultipartUploadParts",
        "s3:ListBucket",
        "s3:ListBucketMultipartUploads"
      ])
    ]
  ),
  snapshot({ name: "AmazonDynamoDBFullAccess", path: "", version: "v15", date: "2021-01-29", partial: true }, [
    allow(["dynamodb:*", "dax:*"]),
    allow(["iam:PassRole"], ["*"], [
      condition(
        "StringLike",
        "iam:PassedToService",
        "application-autoscaling.amazonaws.com",
        "application-autoscaling.amazonaws.com.cn",
        "dax.amazonaws.com"
      )
    ])
  ]),
  // The copy read is v6 of 2026-08-25, newer than the 2026-03-07 snapshot; secretsmanager:* on `*` is in every version.
  snapshot({ name: "SecretsManagerReadWrite", path: "", version: "v6", date: "2026-08-25", partial: true }, [
    allow(["secretsmanager:*"], ["*"], [], "BasePermissions")
  ]),
  snapshot({ name: "AmazonEC2ContainerRegistryReadOnly", path: "", version: "v3", date: "2019-12-10", partial: true }, [
    allow(ecrReadActions)
  ]),
  snapshot({ name: "AmazonEC2ContainerRegistryPowerUser", path: "", version: "v3", date: "2019-12-10", partial: true }, [
    allow([...ecrReadActions, "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:PutImage"])
  ]),
  snapshot({ name: "AmazonEC2ContainerRegistryFullAccess", path: "", version: "v3", date: "2020-12-05", partial: true }, [
    allow(["ecr:*", "cloudtrail:LookupEvents"]),
    allow(["iam:CreateServiceLinkedRole"], ["*"], [
      condition("StringEquals", "iam:AWSServiceName", "replication.ecr.amazonaws.com")
    ])
  ])
];
var policiesByName = new Map(awsManagedPolicies.map((policy) => [policy.name, policy]));
var policiesByLowerName = new Map(awsManagedPolicies.map((policy) => [policy.name.toLowerCase(), policy]));
var managedPolicyArnPattern = /^arn:(?<partition>aws(?:-[a-z]+)*|\$\{AWS::Partition\}):iam::aws:policy\/(?<path>(?:[\w+=,.@-]+\/)*)(?<name>[\w+=,.@-]+)$/;
function parseAwsManagedPolicyArn(arnText) {
  const groups = managedPolicyArnPattern.exec(arnText.trim())?.groups;
  if (!groups) return void 0;
  return { name: groups.name, path: groups.path, partition: groups.partition };
}
function findAwsManagedPolicy(arnText) {
  const parsed = parseAwsManagedPolicyArn(arnText);
  if (!parsed) return void 0;
  const policy = policiesByName.get(parsed.name);
  return policy && policy.path === parsed.path ? policy : void 0;
}

// src/core/iam/policy.ts
function emptyPrincipal() {
  return { service: [], aws: [], federated: [], any: false };
}

// src/core/model/resolve.ts
var unknownToken = "${?}";
var maxDepth = 40;
var maxCombinations = 16;
function resolveNode(scope, node, depth = 0) {
  if (node === void 0) return { kind: "novalue" };
  if (depth > maxDepth) return { kind: "unknown", reason: "nested too deeply" };
  if (isScalar2(node)) return node.value === null ? { kind: "novalue" } : { kind: "string", text: String(node.value) };
  if (isSeq2(node)) return { kind: "list", items: node.items.map((item) => resolveNode(scope, item, depth + 1)) };
  const fn = scope.template ? intrinsicName(node) : void 0;
  if (!fn) return { kind: "object", node };
  const arg = node.entries[0].value;
  switch (fn) {
    case "Ref":
      return resolveRef(scope, scalarString(arg), depth);
    case "Fn::GetAtt":
      return resolveGetAtt(scope, arg, depth);
    case "Fn::Sub":
      return resolveSub(scope, arg, depth);
    case "Fn::Join":
      return resolveJoin(scope, arg, depth);
    case "Fn::If": {
      if (!isSeq2(arg) || arg.items.length !== 3) return { kind: "unknown", reason: "malformed Fn::If" };
      return makeChoice([resolveNode(scope, arg.items[1], depth + 1), resolveNode(scope, arg.items[2], depth + 1)]);
    }
    case "Fn::FindInMap":
      return resolveFindInMap(scope, arg, depth);
    case "Fn::Select": {
      if (!isSeq2(arg) || arg.items.length !== 2) return { kind: "unknown", reason: "malformed Fn::Select" };
      const index = resolveNode(scope, arg.items[0], depth + 1);
      const list = resolveNode(scope, arg.items[1], depth + 1);
      if (index.kind === "string" && list.kind === "list" && /^\d+$/.test(index.text)) {
        return list.items[Number(index.text)] ?? { kind: "unknown", reason: "Fn::Select index out of range" };
      }
      return { kind: "unknown", reason: "Fn::Select of an unresolved list" };
    }
    case "Fn::Split": {
      if (!isSeq2(arg) || arg.items.length !== 2) return { kind: "unknown", reason: "malformed Fn::Split" };
      const delimiter = scalarString(arg.items[0]);
      const source = resolveNode(scope, arg.items[1], depth + 1);
      if (delimiter && source.kind === "string" && !source.text.includes("${")) {
        return { kind: "list", items: source.text.split(delimiter).map((text) => ({ kind: "string", text })) };
      }
      return { kind: "unknown", reason: "Fn::Split of an unresolved value" };
    }
    case "Fn::ImportValue":
      return { kind: "import", name: resolveNode(scope, arg, depth + 1) };
    case "Fn::Base64":
      return resolveNode(scope, arg, depth + 1);
    default:
      return { kind: "unknown", reason: `${fn} is not evaluated` };
  }
}
function makeChoice(options) {
  const flat = [];
  for (const option of options) {
    if (option.kind === "choice") flat.push(...option.options);
    else flat.push(option);
  }
  return flat.length === 1 ? flat[0] : { kind: "choice", options: flat };
}
var pseudoParameters = /* @__PURE__ */ new Set([
  "AWS::AccountId",
  "AWS::Region",
  "AWS::Partition",
  "AWS::URLSuffix",
  "AWS::StackName",
  "AWS::StackId",
  "AWS::NotificationARNs"
]);
function resolveRef(scope, name, depth) {
  if (!name) return { kind: "unknown", reason: "malformed Ref" };
  if (name === "AWS::NoValue") return { kind: "novalue" };
  if (pseudoParameters.has(name)) return { kind: "string", text: `\${${name}}` };
  const given = scope.parameterValues?.get(name);
  if (given) return given;
  const template = scope.template;
  const parameter = template?.parameters.get(name);
  if (parameter) {
    if (parameter.type?.startsWith("AWS::SSM::Parameter::Value")) return { kind: "string", text: `\${${name}}` };
    if (parameter.defaultValue !== void 0 && parameter.defaultValue !== "") {
      return { kind: "string", text: parameter.defaultValue };
    }
    return { kind: "string", text: `\${${name}}` };
  }
  if (template?.resources.has(name)) return { kind: "ref", logicalId: name };
  return { kind: "unknown", reason: `Ref to undefined '${name}'` };
}
function resolveGetAtt(scope, arg, depth) {
  let logicalId;
  let attribute;
  if (isScalar2(arg)) {
    const text = scalarString(arg) ?? "";
    const dot = text.indexOf(".");
    if (dot > 0) {
      logicalId = text.slice(0, dot);
      attribute = text.slice(dot + 1);
    }
  } else if (isSeq2(arg) && arg.items.length === 2) {
    logicalId = scalarString(arg.items[0]);
    const attr = resolveNode(scope, arg.items[1], depth + 1);
    attribute = attr.kind === "string" ? attr.text : void 0;
  }
  if (!logicalId || !attribute) return { kind: "unknown", reason: "malformed Fn::GetAtt" };
  if (!scope.template?.resources.has(logicalId)) return { kind: "unknown", reason: `Fn::GetAtt of undefined '${logicalId}'` };
  return { kind: "ref", logicalId, attribute };
}
function resolveSub(scope, arg, depth) {
  let text;
  const variables = /* @__PURE__ */ new Map();
  if (isScalar2(arg)) text = scalarString(arg);
  else if (isSeq2(arg) && arg.items.length >= 1) {
    text = scalarString(arg.items[0]);
    const vars = arg.items[1];
    if (isMap2(vars)) for (const entry of vars.entries) variables.set(entry.key, resolveNode(scope, entry.value, depth + 1));
  }
  if (text === void 0) return { kind: "unknown", reason: "malformed Fn::Sub" };
  let combinations = [""];
  let last = 0;
  const pattern = /\$\{([^}]*)\}/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const literal = text.slice(last, match.index);
    last = match.index + match[0].length;
    const name = match[1].trim();
    let parts;
    if (name.startsWith("!")) parts = [match[0]];
    else {
      const value = variables.get(name) ?? resolveSubVariable(scope, name, depth);
      parts = resolvedToStrings(scope, value, depth + 1);
    }
    const next = [];
    for (const prefix of combinations) for (const part of parts) next.push(prefix + literal + part);
    combinations = next.slice(0, maxCombinations);
  }
  combinations = combinations.map((prefix) => prefix + text.slice(last));
  return combinations.length === 1 ? { kind: "string", text: combinations[0] } : makeChoice(combinations.map((t) => ({ kind: "string", text: t })));
}
function resolveSubVariable(scope, name, depth) {
  const dot = name.indexOf(".");
  if (dot > 0 && !name.startsWith("AWS::")) {
    const logicalId = name.slice(0, dot);
    if (scope.template?.resources.has(logicalId)) return { kind: "ref", logicalId, attribute: name.slice(dot + 1) };
    return { kind: "string", text: `\${${name}}` };
  }
  const resolved = resolveRef(scope, name, depth);
  return resolved.kind === "unknown" ? { kind: "string", text: `\${${name}}` } : resolved;
}
function resolveJoin(scope, arg, depth) {
  if (!isSeq2(arg) || arg.items.length !== 2) return { kind: "unknown", reason: "malformed Fn::Join" };
  const delimiter = scalarString(arg.items[0]) ?? "";
  const list = resolveNode(scope, arg.items[1], depth + 1);
  if (list.kind !== "list") return { kind: "string", text: resolvedToStrings(scope, list, depth + 1)[0] ?? unknownToken };
  let combinations = [[]];
  for (const item of list.items) {
    if (item.kind === "novalue") continue;
    const parts = resolvedToStrings(scope, item, depth + 1);
    const next = [];
    for (const prefix of combinations) for (const part of parts) next.push([...prefix, part]);
    combinations = next.slice(0, maxCombinations);
  }
  const joined = combinations.map((parts) => parts.join(delimiter));
  return joined.length === 1 ? { kind: "string", text: joined[0] } : makeChoice(joined.map((t) => ({ kind: "string", text: t })));
}
function resolveFindInMap(scope, arg, depth) {
  const mappings = scope.template?.mappings;
  if (!isSeq2(arg) || arg.items.length < 3 || !mappings) return { kind: "unknown", reason: "Fn::FindInMap not resolvable" };
  const mapName = resolveNode(scope, arg.items[0], depth + 1);
  const topKey = resolveNode(scope, arg.items[1], depth + 1);
  const secondKey = resolveNode(scope, arg.items[2], depth + 1);
  if (mapName.kind !== "string" || secondKey.kind !== "string") return { kind: "unknown", reason: "Fn::FindInMap with unresolved keys" };
  const map = getValue(mappings, mapName.text);
  if (!isMap2(map)) return { kind: "unknown", reason: `mapping '${mapName.text}' not found` };
  if (topKey.kind === "string" && !topKey.text.includes("${")) {
    const value = getValue(getValue(map, topKey.text), secondKey.text);
    return value ? resolveNode(scope, value, depth + 1) : { kind: "unknown", reason: "Fn::FindInMap key not found" };
  }
  const options = [];
  for (const entry of map.entries) {
    const value = getValue(entry.value, secondKey.text);
    if (value) options.push(resolveNode(scope, value, depth + 1));
  }
  return options.length ? makeChoice(options) : { kind: "unknown", reason: "Fn::FindInMap key not found" };
}
function resolvedToStrings(scope, value, depth = 0) {
  switch (value.kind) {
    case "string":
      return [value.text];
    case "ref":
      return [referenceString(scope, value.logicalId, value.attribute, depth)];
    case "list":
      return value.items.flatMap((item) => resolvedToStrings(scope, item, depth + 1));
    case "choice":
      return [...new Set(value.options.flatMap((option) => resolvedToStrings(scope, option, depth + 1)))];
    case "novalue":
      return [];
    case "import": {
      const names = resolvedToStrings(scope, value.name, depth + 1);
      return [`\${ImportValue:${names[0] ?? "?"}}`];
    }
    case "object":
    case "unknown":
      return [unknownToken];
  }
}
function resolveStrings(scope, node) {
  return resolvedToStrings(scope, resolveNode(scope, node));
}
function isLiteral(text) {
  return !text.includes("${");
}
var nameProperty = {
  "AWS::IAM::Role": "RoleName",
  "AWS::IAM::InstanceProfile": "InstanceProfileName",
  "AWS::IAM::ManagedPolicy": "ManagedPolicyName",
  "AWS::IAM::User": "UserName",
  "AWS::Logs::LogGroup": "LogGroupName",
  "AWS::ECR::Repository": "RepositoryName",
  "AWS::S3::Bucket": "BucketName",
  "AWS::ECS::Cluster": "ClusterName",
  "AWS::SecretsManager::Secret": "Name",
  "AWS::SSM::Parameter": "Name",
  "AWS::Events::Rule": "Name"
};
function resourceName(scope, resource, depth = 0) {
  const property = nameProperty[resource.type];
  if (property && depth < maxDepth) {
    const value = resolveNode(scope, getValue(resource.properties, property), depth + 1);
    if (value.kind === "string") return value.text;
  }
  return `\${${resource.logicalId}}`;
}
function referenceString(scope, logicalId, attribute, depth = 0) {
  const resource = scope.template?.resources.get(logicalId);
  if (!resource || depth > maxDepth) return attribute ? `\${${logicalId}.${attribute}}` : `\${${logicalId}}`;
  const name = () => resourceName(scope, resource, depth + 1);
  const prefix = (service, regional = true) => `arn:\${AWS::Partition}:${service}:${regional ? "${AWS::Region}" : ""}:\${AWS::AccountId}`;
  switch (resource.type) {
    case "AWS::IAM::Role":
    case "AWS::IAM::InstanceProfile":
    case "AWS::IAM::User": {
      if (attribute === void 0) return name();
      if (attribute !== "Arn") break;
      const kind = resource.type === "AWS::IAM::Role" ? "role" : resource.type === "AWS::IAM::User" ? "user" : "instance-profile";
      const pathValue = resolveNode(scope, getValue(resource.properties, "Path"), depth + 1);
      const path = pathValue.kind === "string" ? pathValue.text : "/";
      return `${prefix("iam", false)}:${kind}${path.startsWith("/") ? path : "/" + path}${path.endsWith("/") ? "" : "/"}${name()}`;
    }
    case "AWS::IAM::ManagedPolicy":
      if (attribute === void 0 || attribute === "PolicyArn") return `${prefix("iam", false)}:policy/${name()}`;
      break;
    case "AWS::Logs::LogGroup":
      if (attribute === void 0) return name();
      if (attribute === "Arn") return `${prefix("logs")}:log-group:${name()}:*`;
      break;
    case "AWS::ECR::Repository":
      if (attribute === void 0) return name();
      if (attribute === "Arn") return `${prefix("ecr")}:repository/${name()}`;
      if (attribute === "RepositoryUri") return `\${AWS::AccountId}.dkr.ecr.\${AWS::Region}.\${AWS::URLSuffix}/${name()}`;
      break;
    case "AWS::S3::Bucket":
      if (attribute === void 0) return name();
      if (attribute === "Arn") return `arn:\${AWS::Partition}:s3:::${name()}`;
      break;
    case "AWS::ECS::Cluster":
      if (attribute === void 0) return name();
      if (attribute === "Arn") return `${prefix("ecs")}:cluster/${name()}`;
      break;
    case "AWS::SecretsManager::Secret": {
      if (attribute === void 0 || attribute === "Id") {
        const secretName = name();
        return secretName.startsWith("${") ? `\${${logicalId}}` : `${prefix("secretsmanager")}:secret:${secretName}-\${${logicalId}.Suffix}`;
      }
      break;
    }
    case "AWS::SSM::Parameter":
      if (attribute === void 0) return name();
      break;
    case "AWS::EFS::FileSystem":
      if (attribute === "Arn") return `${prefix("elasticfilesystem")}:file-system/\${${logicalId}}`;
      break;
    case "AWS::EFS::AccessPoint":
      if (attribute === "Arn") return `${prefix("elasticfilesystem")}:access-point/\${${logicalId}}`;
      break;
    case "AWS::SNS::Topic":
      if (attribute === void 0) return `${prefix("sns")}:\${${logicalId}.TopicName}`;
      break;
    case "AWS::SQS::Queue":
      if (attribute === "Arn") return `${prefix("sqs")}:\${${logicalId}.QueueName}`;
      break;
    case "AWS::DynamoDB::Table":
      if (attribute === "Arn") return `${prefix("dynamodb")}:table/\${${logicalId}}`;
      break;
    case "AWS::KinesisFirehose::DeliveryStream":
      if (attribute === "Arn") return `${prefix("firehose")}:deliverystream/\${${logicalId}}`;
      break;
    case "AWS::Kinesis::Stream":
      if (attribute === "Arn") return `${prefix("kinesis")}:stream/\${${logicalId}}`;
      break;
  }
  return attribute ? `\${${logicalId}.${attribute}}` : `\${${logicalId}}`;
}

// src/core/model/policy-document.ts
function buildPolicyDocument(scope, path, node, name) {
  const document = { name, statements: [] };
  if (node === void 0) return document;
  document.origin = { path, node };
  const root = isScalar2(node) && typeof node.value === "string" ? parseJsonString(node.value, node) : node;
  if (!root) return document;
  const statementNode = getValue(root, "Statement");
  for (const source of collectStatements(scope, statementNode, false)) {
    const statement = buildStatement(scope, path, source);
    if (statement) document.statements.push(statement);
  }
  return document;
}
function collectStatements(scope, node, conditional) {
  if (node === void 0) return [];
  if (isSeq2(node)) return node.items.flatMap((item) => collectStatements(scope, item, conditional));
  const fn = intrinsicName(node);
  if (fn === "Fn::If" && isMap2(node)) {
    const arg = node.entries[0].value;
    if (!isSeq2(arg) || arg.items.length !== 3) return [];
    return [...collectStatements(scope, arg.items[1], true), ...collectStatements(scope, arg.items[2], true)];
  }
  if (fn === "Ref" && isMap2(node)) return [];
  if (isMap2(node)) return [{ node, conditional }];
  return [];
}
function buildStatement(scope, path, source) {
  const node = source.node;
  const statement = { origin: { path, node }, effect: "Allow", conditions: [] };
  let unresolved = false;
  const effect = resolveNode(scope, getValue(node, "Effect"));
  if (effect.kind === "string" && (effect.text === "Allow" || effect.text === "Deny")) statement.effect = effect.text;
  else unresolved = true;
  const sid = getValue(node, "Sid");
  if (isScalar2(sid) && sid.value !== null) statement.sid = String(sid.value);
  for (const [key, field] of [
    ["Action", "action"],
    ["NotAction", "notAction"],
    ["Resource", "resource"],
    ["NotResource", "notResource"]
  ]) {
    const entry = getEntry(node, key);
    if (!entry) continue;
    const strings = stringsOf(scope, entry.value);
    if (strings.unresolved) unresolved = true;
    statement[field] = strings.values;
  }
  const principal = getEntry(node, "Principal");
  if (principal) statement.principal = buildPrincipal(scope, principal.value);
  const notPrincipal = getEntry(node, "NotPrincipal");
  if (notPrincipal) statement.notPrincipal = buildPrincipal(scope, notPrincipal.value);
  const condition2 = getValue(node, "Condition");
  if (condition2 !== void 0) {
    if (!isMap2(condition2) || intrinsicName(condition2)) unresolved = true;
    else {
      for (const operatorEntry of condition2.entries) {
        if (!isMap2(operatorEntry.value)) {
          unresolved = true;
          continue;
        }
        for (const keyEntry of operatorEntry.value.entries) {
          const values = stringsOf(scope, keyEntry.value);
          statement.conditions.push({ operator: operatorEntry.key, key: keyEntry.key, values: values.values });
        }
      }
    }
  }
  if (unresolved) statement.unresolved = true;
  if (source.conditional) statement.conditional = true;
  return statement;
}
function stringsOf(scope, node) {
  const resolved = resolveNode(scope, node);
  const values = resolvedToStrings(scope, resolved);
  return { values, unresolved: hasUnknown(resolved) };
}
function hasUnknown(value) {
  switch (value.kind) {
    case "unknown":
    case "object":
      return true;
    case "list":
      return value.items.some(hasUnknown);
    case "choice":
      return value.options.some(hasUnknown);
    default:
      return false;
  }
}
function buildPrincipal(scope, node) {
  const principal = emptyPrincipal();
  const resolved = resolveNode(scope, node);
  if (resolved.kind === "string" && resolved.text === "*") {
    principal.any = true;
    return principal;
  }
  if (!isMap2(node)) return principal;
  for (const entry of node.entries) {
    const values = resolvedToStrings(scope, resolveNode(scope, entry.value));
    if (entry.key === "Service") principal.service.push(...values);
    else if (entry.key === "AWS") {
      if (values.includes("*")) principal.any = true;
      principal.aws.push(...values);
    } else if (entry.key === "Federated") principal.federated.push(...values);
  }
  return principal;
}
function parseJsonString(text, at) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return void 0;
  }
  return plainToNode(value, at.startOffset, at.endOffset);
}
function plainToNode(value, startOffset, endOffset) {
  if (Array.isArray(value)) {
    return { kind: "seq", items: value.map((v) => plainToNode(v, startOffset, endOffset)), style: "json", startOffset, endOffset };
  }
  if (value !== null && typeof value === "object") {
    return {
      kind: "map",
      style: "json",
      startOffset,
      endOffset,
      entries: Object.entries(value).map(([key, v]) => ({
        key,
        keyNode: { kind: "scalar", value: key, style: "json", startOffset, endOffset },
        value: plainToNode(v, startOffset, endOffset)
      }))
    };
  }
  return { kind: "scalar", value, style: "json", startOffset, endOffset };
}

// src/core/model/template.ts
function readIgnoredRules(metadata) {
  const ignore = getValue(getValue(metadata, "ecs-iam-lint"), "ignore");
  const ids = /* @__PURE__ */ new Set();
  if (isSeq2(ignore)) {
    for (const item of ignore.items) {
      const id = scalarString(item);
      if (id) ids.add(id);
    }
  } else {
    const id = scalarString(ignore);
    if (id) ids.add(id);
  }
  return ids;
}
function buildTemplate(file) {
  const root = file.root;
  if (!isMap2(root)) return void 0;
  const template = {
    path: file.source.path,
    file,
    root,
    parameters: /* @__PURE__ */ new Map(),
    conditions: /* @__PURE__ */ new Set(),
    resources: /* @__PURE__ */ new Map(),
    outputs: /* @__PURE__ */ new Map(),
    ignoredRules: readIgnoredRules(getValue(root, "Metadata")),
    isSam: false
  };
  const transform = getValue(root, "Transform");
  const transforms = isSeq2(transform) ? transform.items.map(scalarString) : [scalarString(transform)];
  template.isSam = transforms.some((t) => t?.startsWith("AWS::Serverless"));
  const parameters = getValue(root, "Parameters");
  if (isMap2(parameters)) {
    for (const entry of parameters.entries) {
      if (!isMap2(entry.value)) continue;
      const defaultNode = getValue(entry.value, "Default");
      template.parameters.set(entry.key, {
        name: entry.key,
        node: entry.value,
        type: scalarString(getValue(entry.value, "Type")),
        defaultValue: isScalar2(defaultNode) && defaultNode.value !== null ? String(defaultNode.value) : void 0
      });
    }
  }
  const mappings = getValue(root, "Mappings");
  if (isMap2(mappings)) template.mappings = mappings;
  const conditions = getValue(root, "Conditions");
  if (isMap2(conditions)) for (const entry of conditions.entries) template.conditions.add(entry.key);
  const resources = getValue(root, "Resources");
  if (isMap2(resources)) {
    for (const entry of resources.entries) {
      const node = entry.value;
      if (!isMap2(node)) continue;
      const type = scalarString(getValue(node, "Type"));
      if (!type) continue;
      const properties = getValue(node, "Properties");
      template.resources.set(entry.key, {
        logicalId: entry.key,
        type,
        node,
        properties: isMap2(properties) ? properties : void 0,
        condition: scalarString(getValue(node, "Condition")),
        ignoredRules: readIgnoredRules(getValue(node, "Metadata")),
        template
      });
    }
  }
  const outputs = getValue(root, "Outputs");
  if (isMap2(outputs)) {
    for (const entry of outputs.entries) {
      if (!isMap2(entry.value)) continue;
      template.outputs.set(entry.key, {
        name: entry.key,
        node: entry.value,
        value: getValue(entry.value, "Value"),
        exportName: getValue(getValue(entry.value, "Export"), "Name")
      });
    }
  }
  return template;
}
function resourcesOfType(template, ...types) {
  const result = [];
  for (const resource of template.resources.values()) if (types.includes(resource.type)) result.push(resource);
  return result;
}

// src/core/model/iam-model.ts
function identityPolicies(role) {
  const documents = [...role.inlinePolicies, ...role.attachedPolicies];
  const unknownPolicyArns = [];
  for (const managed of role.managedPolicies) {
    if (managed.document) documents.push(managed.document);
    else unknownPolicyArns.push(managed.arn);
  }
  return { documents, unknownPolicyArns };
}
function buildTemplateRoles(template) {
  const scope = { template };
  const roles = [];
  for (const resource of resourcesOfType(template, "AWS::IAM::Role")) {
    const props = resource.properties;
    const role = {
      id: `${template.path}#${resource.logicalId}`,
      label: "",
      origin: "template",
      path: template.path,
      template,
      resource,
      roleName: resourceName(scope, resource),
      arn: referenceString(scope, resource.logicalId, "Arn"),
      trust: getValue(props, "AssumeRolePolicyDocument") ? buildPolicyDocument(scope, template.path, getValue(props, "AssumeRolePolicyDocument"), "trust policy") : void 0,
      inlinePolicies: [],
      attachedPolicies: [],
      managedPolicies: [],
      assumeCompliant: false
    };
    role.label = role.roleName.includes("${") ? resource.logicalId : role.roleName;
    const policies = getValue(props, "Policies");
    for (const item of isSeq2(policies) ? policies.items : []) {
      const name = resolvedToStrings(scope, resolveNode(scope, getValue(item, "PolicyName")))[0];
      role.inlinePolicies.push(buildPolicyDocument(scope, template.path, getValue(item, "PolicyDocument"), name));
    }
    const managed = getValue(props, "ManagedPolicyArns");
    for (const item of isSeq2(managed) ? managed.items : []) {
      for (const arn2 of resolvedToStrings(scope, resolveNode(scope, item))) {
        role.managedPolicies.push({ arn: arn2, node: item, document: findAwsManagedPolicy(arn2)?.document });
      }
    }
    const boundary = getValue(props, "PermissionsBoundary");
    if (boundary) {
      const arn2 = resolvedToStrings(scope, resolveNode(scope, boundary))[0] ?? "${?}";
      role.boundary = { arn: arn2, node: boundary, document: findAwsManagedPolicy(arn2)?.document };
    }
    roles.push(role);
  }
  return roles;
}
function buildPolicyAttachments(template) {
  const scope = { template };
  const attachments = [];
  const managed = [];
  const roleTargets = (node) => {
    const roleLogicalIds = [];
    const roleNames = [];
    const value = resolveNode(scope, node);
    const items = value.kind === "list" ? value.items : [value];
    for (const item of items) {
      const options = item.kind === "choice" ? item.options : [item];
      for (const option of options) {
        if (option.kind === "ref" && template.resources.get(option.logicalId)?.type === "AWS::IAM::Role") {
          roleLogicalIds.push(option.logicalId);
        } else {
          roleNames.push(...resolvedToStrings(scope, option));
        }
      }
    }
    return { roleLogicalIds, roleNames };
  };
  for (const resource of resourcesOfType(template, "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::RolePolicy")) {
    const props = resource.properties;
    const name = resource.type === "AWS::IAM::ManagedPolicy" ? resourceName(scope, resource) : resolvedToStrings(scope, resolveNode(scope, getValue(props, "PolicyName")))[0] ?? resource.logicalId;
    const document = buildPolicyDocument(scope, template.path, getValue(props, "PolicyDocument"), name);
    if (resource.type === "AWS::IAM::RolePolicy") {
      attachments.push({ document, ...roleTargets(getValue(props, "RoleName")) });
    } else {
      attachments.push({ document, ...roleTargets(getValue(props, "Roles")) });
    }
    if (resource.type === "AWS::IAM::ManagedPolicy") {
      managed.push({ arn: referenceString(scope, resource.logicalId, void 0), document, resource });
    }
  }
  return { attachments, managed };
}
function buildConfigRole(declared, configPath) {
  const name = declared.arn.split("/").pop() ?? declared.arn;
  const trust = declared.trust ? {
    name: "trust policy (config)",
    statements: [
      {
        effect: "Allow",
        action: ["sts:AssumeRole"],
        principal: { service: declared.trust, aws: [], federated: [], any: false },
        conditions: []
      }
    ]
  } : void 0;
  return {
    id: `config:${declared.arn}`,
    label: name,
    origin: "config",
    path: configPath,
    roleName: name,
    arn: declared.arn,
    trust,
    inlinePolicies: [],
    attachedPolicies: [],
    managedPolicies: (declared.managedPolicies ?? []).map((arn2) => ({ arn: arn2, document: findAwsManagedPolicy(arn2)?.document })),
    assumeCompliant: declared.assumeCompliant === true
  };
}
function roleNameFromArnOrName(text) {
  const arnMatch = /^arn:[^:]*:iam::[^:]*:role\/(?:.*\/)?([^/]+)$/.exec(text);
  if (arnMatch) return arnMatch[1];
  if (/^[\w+=,.@-]+$/.test(text)) return text;
  return void 0;
}

// src/core/model/ecs-resources.ts
function buildServices(template) {
  const scope = { template };
  return resourcesOfType(template, "AWS::ECS::Service").map((resource) => {
    const props = resource.properties;
    const taskDef = resolveNode(scope, getValue(props, "TaskDefinition"));
    const strategy = getValue(props, "CapacityProviderStrategy");
    const capacityProviders = [];
    for (const item of isSeq2(strategy) ? strategy.items : []) {
      const provider = resolveNode(scope, getValue(item, "CapacityProvider"));
      if (provider.kind === "ref") capacityProviders.push(`ref:${provider.logicalId}`);
      else capacityProviders.push(...resolvedToStrings(scope, provider));
    }
    const exec = getValue(props, "EnableExecuteCommand");
    const execValue = resolvedToStrings(scope, resolveNode(scope, exec));
    const loadBalancers = getValue(props, "LoadBalancers");
    const registries = getValue(props, "ServiceRegistries");
    return {
      resource,
      template,
      properties: props,
      taskDefinitionLogicalId: refTarget(taskDef, template, "AWS::ECS::TaskDefinition"),
      launchType: resolvedToStrings(scope, resolveNode(scope, getValue(props, "LaunchType")))[0],
      capacityProviders,
      roleNode: getValue(props, "Role"),
      enableExecuteCommand: execValue.some((v) => v.toLowerCase() === "true"),
      enableExecuteCommandNode: exec,
      loadBalancers: isSeq2(loadBalancers) ? loadBalancers.items.filter(isMap2) : [],
      hasServiceRegistries: isSeq2(registries) && registries.items.length > 0,
      deploymentControllerType: resolvedToStrings(scope, resolveNode(scope, getValue(getValue(props, "DeploymentController"), "Type")))[0]
    };
  });
}
function refTarget(value, template, type) {
  const options = value.kind === "choice" ? value.options : [value];
  for (const option of options) {
    if (option.kind === "ref" && template.resources.get(option.logicalId)?.type === type) return option.logicalId;
  }
  return void 0;
}
var ecsUserData = /ECS_CLUSTER\s*=|\[settings\.ecs\]|ecs\.config|start\s+ecs|enable\s+--now\s+--no-block\s+ecs/i;
var ecsAmi = /\/aws\/service\/ecs\/optimized-ami\/|\/aws\/service\/bottlerocket\/aws-ecs/;
function buildInstanceCapacity(template) {
  const scope = { template };
  const result = [];
  const capacityAsgs = /* @__PURE__ */ new Set();
  for (const provider of resourcesOfType(template, "AWS::ECS::CapacityProvider")) {
    const asg = resolveNode(scope, getValue(getValue(provider.properties, "AutoScalingGroupProvider"), "AutoScalingGroupArn"));
    const id = refTarget(asg, template, "AWS::AutoScaling::AutoScalingGroup");
    if (id) capacityAsgs.add(id);
  }
  const launchFromAsg = /* @__PURE__ */ new Map();
  for (const asg of resourcesOfType(template, "AWS::AutoScaling::AutoScalingGroup")) {
    const props = asg.properties;
    const lc = refTarget(resolveNode(scope, getValue(props, "LaunchConfigurationName")), template, "AWS::AutoScaling::LaunchConfiguration");
    const lt = refTarget(
      resolveNode(scope, getValue(getValue(props, "LaunchTemplate"), "LaunchTemplateId") ?? getValue(getValue(props, "LaunchTemplate"), "LaunchTemplateName")),
      template,
      "AWS::EC2::LaunchTemplate"
    );
    const mixed = getValue(getValue(getValue(props, "MixedInstancesPolicy"), "LaunchTemplate"), "LaunchTemplateSpecification");
    const ltMixed = refTarget(resolveNode(scope, getValue(mixed, "LaunchTemplateId") ?? getValue(mixed, "LaunchTemplateName")), template, "AWS::EC2::LaunchTemplate");
    for (const id of [lc, lt, ltMixed]) if (id && capacityAsgs.has(asg.logicalId)) launchFromAsg.set(id, asg.logicalId);
  }
  for (const resource of resourcesOfType(template, "AWS::EC2::LaunchTemplate", "AWS::AutoScaling::LaunchConfiguration", "AWS::EC2::Instance")) {
    const data = resource.type === "AWS::EC2::LaunchTemplate" ? getValue(resource.properties, "LaunchTemplateData") : resource.properties;
    const userData = resolvedToStrings(scope, resolveNode(scope, getValue(data, "UserData"))).join("\n");
    const imageId = getValue(data, "ImageId");
    const imageText = [...resolvedToStrings(scope, resolveNode(scope, imageId)), ...parameterDefaultsBehind(template, imageId)].join(" ");
    let reason;
    if (ecsUserData.test(userData)) reason = "its user data joins an ECS cluster";
    else if (ecsAmi.test(imageText)) reason = "it uses an ECS-optimized AMI";
    else if (launchFromAsg.has(resource.logicalId)) reason = `its Auto Scaling group ${launchFromAsg.get(resource.logicalId)} backs an ECS capacity provider`;
    if (!reason) continue;
    const profileNode = getValue(data, "IamInstanceProfile");
    let profileLogicalId;
    if (profileNode) {
      const target = resource.type === "AWS::EC2::LaunchTemplate" ? getValue(profileNode, "Arn") ?? getValue(profileNode, "Name") : profileNode;
      profileLogicalId = refTarget(resolveNode(scope, target), template, "AWS::IAM::InstanceProfile");
    }
    result.push({ resource, template, profileNode, profileLogicalId, reason });
  }
  return result;
}
function parameterDefaultsBehind(template, node) {
  if (!isMap2(node) || node.entries.length !== 1 || node.entries[0].key !== "Ref") return [];
  const name = scalarString(node.entries[0].value);
  const parameter = name ? template.parameters.get(name) : void 0;
  return parameter?.defaultValue ? [parameter.defaultValue] : [];
}
function instanceProfileRoles(template, profileLogicalId) {
  const scope = { template };
  const profile = template.resources.get(profileLogicalId);
  const rolesNode = getValue(profile?.properties, "Roles");
  const roleLogicalIds = [];
  const roleNames = [];
  const value = resolveNode(scope, rolesNode);
  for (const item of value.kind === "list" ? value.items : []) {
    const id = refTarget(item, template, "AWS::IAM::Role");
    if (id) roleLogicalIds.push(id);
    else roleNames.push(...resolvedToStrings(scope, item));
  }
  return { roleLogicalIds, roleNames, rolesNode };
}

// src/core/model/task-definition.ts
var camelExceptions = {
  IAM: "iam",
  FilesystemId: "fileSystemId",
  EFSVolumeConfiguration: "efsVolumeConfiguration",
  FSxWindowsFileServerVolumeConfiguration: "fsxWindowsFileServerVolumeConfiguration",
  S3FilesVolumeConfiguration: "s3filesVolumeConfiguration"
};
function fieldName(pascal, naming) {
  if (naming === "pascal") return pascal;
  return camelExceptions[pascal] ?? pascal.charAt(0).toLowerCase() + pascal.slice(1);
}
var TaskDefinitionReader = class {
  constructor(scope, naming) {
    this.scope = scope;
    this.naming = naming;
  }
  scope;
  naming;
  get(node, pascal) {
    return getValue(node, fieldName(pascal, this.naming));
  }
  has(node, pascal) {
    return getEntry(node, fieldName(pascal, this.naming)) !== void 0;
  }
  value(node, pascal) {
    const valueNode = this.get(node, pascal);
    if (valueNode === void 0) return void 0;
    return { values: resolvedToStrings(this.scope, resolveNode(this.scope, valueNode)), node: valueNode };
  }
  /** Items of a list property; an `Fn::If` item contributes both branches. */
  items(node, pascal) {
    return listItems(this.get(node, pascal));
  }
  /** A map of string values (`Options`), keyed as written. */
  stringMap(node) {
    const map = /* @__PURE__ */ new Map();
    if (!isMap2(node)) return map;
    for (const entry of node.entries) {
      map.set(entry.key, { values: resolvedToStrings(this.scope, resolveNode(this.scope, entry.value)), node: entry.value });
    }
    return map;
  }
};
function listItems(node) {
  if (node === void 0) return [];
  if (isSeq2(node)) return node.items.flatMap((item) => listItems(item));
  if (isMap2(node)) {
    if (node.entries.length === 1 && node.entries[0].key === "Fn::If") {
      const arg = node.entries[0].value;
      return isSeq2(arg) && arg.items.length === 3 ? [...listItems(arg.items[1]), ...listItems(arg.items[2])] : [];
    }
    if (node.entries.length === 1 && node.entries[0].key === "Ref") return [];
    return [node];
  }
  return [];
}
function readSecrets(reader, node, pascal) {
  return reader.items(node, pascal).flatMap((item) => {
    const valueFrom = reader.value(item, "ValueFrom");
    if (!valueFrom) return [];
    return [{ name: reader.value(item, "Name")?.values[0], valueFrom, node: item }];
  });
}
function readContainer(reader, node) {
  const logNode = reader.get(node, "LogConfiguration");
  const logMaps = listItems(logNode);
  const log = logMaps[0];
  const firelensNode = listItems(reader.get(node, "FirelensConfiguration"))[0];
  const environment = /* @__PURE__ */ new Map();
  for (const item of reader.items(node, "Environment")) {
    const name = reader.value(item, "Name")?.values[0];
    const value = reader.value(item, "Value");
    if (name && value) environment.set(name, value);
  }
  return {
    node,
    name: reader.value(node, "Name")?.values[0],
    image: reader.value(node, "Image"),
    secrets: readSecrets(reader, node, "Secrets"),
    logConfiguration: log ? {
      node: log,
      driver: reader.value(log, "LogDriver"),
      options: reader.stringMap(reader.get(log, "Options")),
      secretOptions: readSecrets(reader, log, "SecretOptions")
    } : void 0,
    repositoryCredentials: reader.value(reader.get(node, "RepositoryCredentials"), "CredentialsParameter"),
    environmentFiles: reader.items(node, "EnvironmentFiles").flatMap((item) => {
      const value = reader.value(item, "Value");
      return value ? [{ type: reader.value(item, "Type")?.values[0], value, node: item }] : [];
    }),
    firelens: firelensNode ? {
      type: reader.value(firelensNode, "Type")?.values[0],
      options: reader.stringMap(reader.get(firelensNode, "Options")),
      node: firelensNode
    } : void 0,
    environment
  };
}
function readTaskDefinition(reader, node, identity) {
  const compat = reader.value(node, "RequiresCompatibilities")?.values ?? [];
  const launchTypes = /* @__PURE__ */ new Set();
  for (const value of compat) {
    if (value === "FARGATE" || value === "EC2" || value === "EXTERNAL" || value === "MANAGED_INSTANCES") launchTypes.add(value);
  }
  return {
    ...identity,
    naming: reader.naming,
    node,
    executionRoleNode: reader.get(node, "ExecutionRoleArn"),
    taskRoleNode: reader.get(node, "TaskRoleArn"),
    requiresCompatibilities: compat,
    networkMode: reader.value(node, "NetworkMode")?.values[0],
    containers: reader.items(node, "ContainerDefinitions").map((container) => readContainer(reader, container)),
    volumes: reader.items(node, "Volumes"),
    proxyConfiguration: listItems(reader.get(node, "ProxyConfiguration"))[0],
    launchTypes
  };
}
function isFargateLike(task) {
  return task.launchTypes.has("FARGATE") || task.launchTypes.has("MANAGED_INSTANCES");
}

// src/core/model/repository.ts
function knownRoles(use) {
  return use ? use.options.flatMap((o) => o.kind === "role" ? [o.role] : []) : [];
}
function isRoleAbsent(use) {
  return !use || use.options.every((o) => o.kind === "none");
}
function externalRoleTexts(use) {
  return use ? use.options.flatMap((o) => o.kind === "external" ? [o.text] : []) : [];
}
var Repository = class {
  constructor(files, config, configPath = ".github/ecs-iam-lint.yml") {
    this.files = files;
    this.config = config;
    this.configPath = configPath;
    for (const file of files) {
      if (file.error || !file.root) continue;
      if (file.kind === "cfn-template") {
        const template = buildTemplate(file);
        if (template) this.templates.push(template);
      }
    }
    for (const template of this.templates) this.addTemplateRoles(template);
    for (const declared of config.externalRoles) this.indexRole(buildConfigRole(declared, configPath));
    this.linkPolicies();
    for (const template of this.templates) {
      this.services.push(...buildServices(template));
      this.capacity.push(...buildInstanceCapacity(template));
    }
    for (const service of this.services) {
      if (!service.taskDefinitionLogicalId) continue;
      const key = `${service.template.path}#${service.taskDefinitionLogicalId}`;
      const list = this.servicesByTask.get(key) ?? [];
      list.push(service);
      this.servicesByTask.set(key, list);
    }
    for (const template of this.templates) this.addTemplateTaskDefinitions(template);
    for (const file of files) {
      if (file.kind === "task-definition" && !file.error && file.taskDefinitionRoot?.kind === "map") {
        this.addJsonTaskDefinition(file, file.taskDefinitionRoot);
      }
    }
  }
  files;
  config;
  configPath;
  templates = [];
  roles = [];
  taskDefinitions = [];
  services = [];
  capacity = [];
  customerManagedPolicies = [];
  rolesByTemplate = /* @__PURE__ */ new Map();
  rolesByName = /* @__PURE__ */ new Map();
  servicesByTask = /* @__PURE__ */ new Map();
  addTemplateRoles(template) {
    const byLogicalId = /* @__PURE__ */ new Map();
    for (const role of buildTemplateRoles(template)) {
      byLogicalId.set(role.resource.logicalId, role);
      this.indexRole(role);
    }
    this.rolesByTemplate.set(template, byLogicalId);
  }
  indexRole(role) {
    this.roles.push(role);
    if (isLiteral(role.roleName)) {
      const list = this.rolesByName.get(role.roleName) ?? [];
      list.push(role);
      this.rolesByName.set(role.roleName, list);
    }
  }
  /** Attaches AWS::IAM::Policy / RolePolicy / ManagedPolicy documents and customer managed policies to roles. */
  linkPolicies() {
    const pending = [];
    for (const template of this.templates) {
      const { attachments, managed } = buildPolicyAttachments(template);
      this.customerManagedPolicies.push(...managed);
      pending.push({ attachments, template });
    }
    for (const { attachments, template } of pending) {
      for (const attachment of attachments) {
        const targets = /* @__PURE__ */ new Set();
        for (const id of attachment.roleLogicalIds) {
          const role = this.rolesByTemplate.get(template)?.get(id);
          if (role) targets.add(role);
        }
        for (const name of attachment.roleNames) for (const role of this.findRolesByName(name)) targets.add(role);
        for (const role of targets) role.attachedPolicies.push(attachment.document);
      }
    }
    for (const role of this.roles) {
      for (const managed of role.managedPolicies) {
        if (managed.document) continue;
        const customer = this.customerManagedPolicies.find((policy) => policy.arn === managed.arn);
        if (customer) managed.document = customer.document;
      }
    }
  }
  addTemplateTaskDefinitions(template) {
    const scope = { template };
    const reader = new TaskDefinitionReader(scope, "pascal");
    for (const resource of resourcesOfType(template, "AWS::ECS::TaskDefinition")) {
      const props = resource.properties ?? { kind: "map", entries: [], style: "block", startOffset: resource.node.startOffset, endOffset: resource.node.endOffset };
      const task = readTaskDefinition(reader, props, {
        id: `${template.path}#${resource.logicalId}`,
        label: resource.logicalId,
        path: template.path,
        source: "template",
        template,
        resource,
        ignoredRules: /* @__PURE__ */ new Set([...template.ignoredRules, ...resource.ignoredRules])
      });
      for (const service of this.servicesOf(task)) {
        const launchType = service.launchType;
        if (launchType === "FARGATE" || launchType === "EC2" || launchType === "EXTERNAL" || launchType === "MANAGED_INSTANCES") {
          task.launchTypes.add(launchType);
        }
        for (const provider of service.capacityProviders) {
          if (provider === "FARGATE" || provider === "FARGATE_SPOT") task.launchTypes.add("FARGATE");
          else if (provider.startsWith("ref:")) {
            const cp = template.resources.get(provider.slice(4));
            if (cp?.properties?.entries.some((e) => e.key === "ManagedInstancesProvider")) task.launchTypes.add("MANAGED_INSTANCES");
            else task.launchTypes.add("EC2");
          }
        }
      }
      this.taskDefinitions.push(task);
    }
  }
  addJsonTaskDefinition(file, node) {
    const reader = new TaskDefinitionReader({}, "camel");
    const family = reader.value(node, "Family")?.values[0];
    const task = readTaskDefinition(reader, node, {
      id: file.source.path,
      label: family ?? file.source.path.split("/").pop() ?? file.source.path,
      path: file.source.path,
      source: "json",
      ignoredRules: /* @__PURE__ */ new Set()
    });
    this.taskDefinitions.push(task);
  }
  /** Roles whose literal RoleName equals the name (a Sub-style string with tokens never matches). */
  findRolesByName(name) {
    return this.rolesByName.get(name) ?? [];
  }
  roleByLogicalId(template, logicalId) {
    return this.rolesByTemplate.get(template)?.get(logicalId);
  }
  servicesOf(task) {
    return task.source === "template" ? this.servicesByTask.get(task.id) ?? [] : [];
  }
  /** Resolves a role property into the roles it may point at. */
  bindRole(scope, node) {
    if (node === void 0) return void 0;
    const value = resolveNode(scope, node);
    const options = [];
    const visit = (v) => {
      switch (v.kind) {
        case "choice":
          v.options.forEach(visit);
          return;
        case "novalue":
          options.push({ kind: "none" });
          return;
        case "ref": {
          const role = scope.template ? this.roleByLogicalId(scope.template, v.logicalId) : void 0;
          if (role) options.push({ kind: "role", role, byName: v.attribute === void 0 });
          else options.push({ kind: "external", text: v.attribute ? `${v.logicalId}.${v.attribute}` : v.logicalId });
          return;
        }
        case "string": {
          const name = roleNameFromArnOrName(v.text);
          const matches = name ? this.findRolesByName(name) : [];
          if (matches.length === 1) options.push({ kind: "role", role: matches[0], byName: !v.text.startsWith("arn:") });
          else options.push({ kind: "external", text: v.text });
          return;
        }
        default:
          options.push({ kind: "external", text: resolvedToStrings(scope, v)[0] ?? "an unresolved value" });
      }
    };
    visit(value);
    return { node, options };
  }
  executionRole(task) {
    return this.bindRole({ template: task.template }, task.executionRoleNode);
  }
  taskRole(task) {
    return this.bindRole({ template: task.template }, task.taskRoleNode);
  }
  /**
   * Instance roles of the EC2 capacity a task may run on: the capacity in the task's own template,
   * else the only ECS capacity in the repository. Empty when none is visible.
   */
  instanceRolesFor(task) {
    let capacity = this.capacity.filter((c) => c.template === task.template);
    if (capacity.length === 0) capacity = this.capacity;
    const roles = /* @__PURE__ */ new Set();
    for (const c of capacity) for (const role of this.instanceRolesOf(c)) roles.add(role);
    return roles.size <= 1 || capacity.every((c) => c.template === task.template) ? [...roles] : [];
  }
  /** The roles inside the instance profile a capacity resource uses. */
  instanceRolesOf(capacity) {
    if (!capacity.profileLogicalId) return [];
    const { roleLogicalIds, roleNames } = instanceProfileRoles(capacity.template, capacity.profileLogicalId);
    const roles = [];
    for (const id of roleLogicalIds) {
      const role = this.roleByLogicalId(capacity.template, id);
      if (role) roles.push(role);
    }
    for (const name of roleNames) roles.push(...this.findRolesByName(name));
    return roles;
  }
  /** Rule ids suppressed at a template resource or template level, for findings in templates. */
  ignoredRulesAt(template, logicalId) {
    if (!template) return /* @__PURE__ */ new Set();
    const resource = logicalId ? template.resources.get(logicalId) : void 0;
    return /* @__PURE__ */ new Set([...template.ignoredRules, ...resource ? resource.ignoredRules : []]);
  }
};

// src/core/text/source-file.ts
var SourceFile = class {
  path;
  text;
  lineStarts;
  constructor(path, text) {
    this.path = path;
    this.text = text;
  }
  /** Offsets of the first character of every line; computed once, on first use. */
  getLineStarts() {
    if (this.lineStarts) return this.lineStarts;
    const starts = [0];
    const text = this.text;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 10) starts.push(i + 1);
      else if (code === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
    }
    this.lineStarts = starts;
    return starts;
  }
  get lineCount() {
    return this.getLineStarts().length;
  }
  positionAt(offset) {
    const starts = this.getLineStarts();
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = low + high + 1 >> 1;
      if (starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - starts[low] + 1 };
  }
  offsetAt(position) {
    const starts = this.getLineStarts();
    const lineIndex = Math.max(0, Math.min(position.line - 1, starts.length - 1));
    return Math.min(starts[lineIndex] + position.column - 1, this.text.length);
  }
  /** Offset of the start of the line holding `offset`. */
  lineStartOffset(offset) {
    const { line } = this.positionAt(offset);
    return this.getLineStarts()[line - 1];
  }
  /** Offset just past the last character of the line holding `offset`, before its line break. */
  lineEndOffset(offset) {
    const { line } = this.positionAt(offset);
    const starts = this.getLineStarts();
    let end = line < starts.length ? starts[line] : this.text.length;
    while (end > starts[line - 1] && (this.text[end - 1] === "\n" || this.text[end - 1] === "\r")) end--;
    return end;
  }
  /** Text of the 1-based line, without its line break. */
  lineText(line) {
    const starts = this.getLineStarts();
    const start = starts[line - 1] ?? this.text.length;
    return this.text.slice(start, this.lineEndOffset(start));
  }
  /** The line break the file uses most, so inserted lines match it. */
  get newline() {
    return this.text.includes("\r\n") ? "\r\n" : "\n";
  }
};

// src/core/parse/file-kind.ts
function detectFileKind(root) {
  if (!isMap2(root) || root.shortForm !== void 0) return { kind: "other" };
  if (isTemplate(root)) return { kind: "cfn-template" };
  if (isSeq2(getValue(root, "containerDefinitions"))) return { kind: "task-definition", taskDefinitionRoot: root };
  const inner = getValue(root, "taskDefinition");
  if (isMap2(inner) && isSeq2(getValue(inner, "containerDefinitions"))) {
    return { kind: "task-definition", taskDefinitionRoot: inner };
  }
  return { kind: "other" };
}
function isTemplate(root) {
  const resources = getEntry(root, "Resources");
  if (resources && (!isMap2(resources.value) || resources.value.shortForm !== void 0)) return false;
  if (getEntry(root, "AWSTemplateFormatVersion")) return true;
  if (resources && isMap2(resources.value) && resources.value.entries.some((entry) => hasResourceType(entry.value))) return true;
  return mentionsServerlessTransform(getValue(root, "Transform"));
}
function hasResourceType(resource) {
  const type = getValue(resource, "Type");
  if (type === void 0) return false;
  return isScalar2(type) && typeof type.value === "string" || intrinsicName(type) !== void 0;
}
function mentionsServerlessTransform(transform) {
  if (isScalar2(transform)) return typeof transform.value === "string" && transform.value.includes("AWS::Serverless");
  if (isSeq2(transform)) return transform.items.some(mentionsServerlessTransform);
  return false;
}
function guessFileKind(text) {
  if (text.includes("AWSTemplateFormatVersion") || text.includes('"Resources"') || text.includes("Resources:")) return "cfn-template";
  if (text.includes("containerDefinitions")) return "task-definition";
  if (text.includes("AWS::")) return "cfn-template";
  return "other";
}

// src/core/parse/parse-failure.ts
var ParseFailure = class _ParseFailure extends Error {
  startOffset;
  endOffset;
  constructor(message, startOffset, endOffset = startOffset) {
    super(message);
    this.name = "ParseFailure";
    this.startOffset = startOffset;
    this.endOffset = Math.max(startOffset, endOffset);
  }
  /** CloudFormation rejects a key defined twice in one mapping; the error points at the second one. */
  static duplicateKey(text, key, firstStartOffset, secondStartOffset, secondEndOffset) {
    const line = new SourceFile("", text.slice(0, firstStartOffset + 1)).positionAt(firstStartOffset).line;
    return new _ParseFailure(`duplicate key '${abbreviate(key)}' (first defined on line ${line})`, secondStartOffset, secondEndOffset);
  }
  toParseError() {
    return { message: this.message, startOffset: this.startOffset, endOffset: this.endOffset };
  }
};
function abbreviate(text, maxLength = 60) {
  const oneLine = text.replace(/[\r\n\t]+/g, " ");
  return oneLine.length <= maxLength ? oneLine : `${oneLine.slice(0, maxLength - 3)}...`;
}

// src/core/parse/json-parser.ts
var linearKeyScanMaxEntries = 8;
function parseJson(text, limits) {
  try {
    return { root: new JsonParser(text, limits).parseDocument() };
  } catch (error) {
    if (error instanceof ParseFailure) return { error: error.toParseError() };
    if (error instanceof RangeError) {
      return { error: { message: `nesting is too deep to parse (${error.message})`, startOffset: 0, endOffset: 0 } };
    }
    throw error;
  }
}
var JsonParser = class {
  text;
  limits;
  offset = 0;
  nodeCount = 0;
  constructor(text, limits) {
    this.text = text;
    this.limits = limits;
  }
  parseDocument() {
    if (this.text.charCodeAt(0) === 65279 /* ByteOrderMark */) this.offset = 1;
    this.skipWhitespace();
    if (this.offset >= this.text.length) throw new ParseFailure("unexpected end of input: the file holds no JSON value", this.offset);
    const root = this.parseValue(0);
    this.skipWhitespace();
    if (this.offset < this.text.length) {
      throw new ParseFailure(`unexpected ${this.describeCharAt(this.offset)} after the end of the JSON value`, this.offset, this.offset + 1);
    }
    return root;
  }
  /** `level` is the number of collections around the value. */
  parseValue(level) {
    const code = this.text.charCodeAt(this.offset);
    if (code === 123 /* OpenBrace */) return this.parseObject(level + 1);
    if (code === 91 /* OpenBracket */) return this.parseArray(level + 1);
    if (code === 34 /* Quote */) {
      const startOffset = this.offset;
      const value = this.parseString();
      return this.createScalar(value, startOffset, this.offset);
    }
    if (code === 45 /* Minus */ || code >= 48 /* Zero */ && code <= 57 /* Nine */) return this.parseNumber();
    if (this.text.startsWith("true", this.offset)) return this.parseLiteral("true", true);
    if (this.text.startsWith("false", this.offset)) return this.parseLiteral("false", false);
    if (this.text.startsWith("null", this.offset)) return this.parseLiteral("null", null);
    throw this.unexpectedValue();
  }
  parseLiteral(word, value) {
    const startOffset = this.offset;
    this.offset += word.length;
    if (isWordChar(this.text.charCodeAt(this.offset))) throw this.unexpectedValue(startOffset);
    return this.createScalar(value, startOffset, this.offset);
  }
  parseObject(level) {
    const startOffset = this.offset;
    this.enterCollection(level, startOffset);
    this.offset++;
    const entries = [];
    let keyIndex;
    this.skipWhitespace();
    if (this.text.charCodeAt(this.offset) === 125 /* CloseBrace */) {
      this.offset++;
      return { kind: "map", entries, style: "json", startOffset, endOffset: this.offset };
    }
    for (; ; ) {
      if (this.text.charCodeAt(this.offset) !== 34 /* Quote */) {
        if (this.offset >= this.text.length) throw this.unexpectedEnd();
        throw new ParseFailure(
          `expected a property name in double quotes, found ${this.describeCharAt(this.offset)}`,
          this.offset,
          this.offset + 1
        );
      }
      const keyStartOffset = this.offset;
      const key = this.parseString();
      const keyNode = this.createScalar(key, keyStartOffset, this.offset);
      let firstKeyNode;
      if (keyIndex) firstKeyNode = keyIndex.get(key);
      else for (const entry of entries) if (entry.key === key) firstKeyNode = entry.keyNode;
      if (firstKeyNode) {
        throw ParseFailure.duplicateKey(this.text, key, firstKeyNode.startOffset, keyNode.startOffset, keyNode.endOffset);
      }
      this.skipWhitespace();
      if (this.text.charCodeAt(this.offset) !== 58 /* Colon */) {
        if (this.offset >= this.text.length) throw this.unexpectedEnd();
        throw new ParseFailure(`expected ':' after property name, found ${this.describeCharAt(this.offset)}`, this.offset, this.offset + 1);
      }
      this.offset++;
      this.skipWhitespace();
      if (this.offset >= this.text.length) throw this.unexpectedEnd();
      const value = this.parseValue(level);
      entries.push({ key, keyNode, value });
      if (keyIndex) keyIndex.set(key, keyNode);
      else if (entries.length > linearKeyScanMaxEntries) {
        keyIndex = /* @__PURE__ */ new Map();
        for (const entry of entries) keyIndex.set(entry.key, entry.keyNode);
      }
      this.skipWhitespace();
      const code = this.text.charCodeAt(this.offset);
      if (code === 44 /* Comma */) {
        const commaOffset = this.offset;
        this.offset++;
        this.skipWhitespace();
        if (this.text.charCodeAt(this.offset) === 125 /* CloseBrace */) {
          throw new ParseFailure("trailing comma before '}' is not allowed in JSON", commaOffset, commaOffset + 1);
        }
        continue;
      }
      if (code === 125 /* CloseBrace */) {
        this.offset++;
        return { kind: "map", entries, style: "json", startOffset, endOffset: this.offset };
      }
      if (this.offset >= this.text.length) throw this.unexpectedEnd();
      throw new ParseFailure(
        `expected ',' or '}' after property value, found ${this.describeCharAt(this.offset)}`,
        this.offset,
        this.offset + 1
      );
    }
  }
  parseArray(level) {
    const startOffset = this.offset;
    this.enterCollection(level, startOffset);
    this.offset++;
    const items = [];
    this.skipWhitespace();
    if (this.text.charCodeAt(this.offset) === 93 /* CloseBracket */) {
      this.offset++;
      return { kind: "seq", items, style: "json", startOffset, endOffset: this.offset };
    }
    for (; ; ) {
      if (this.offset >= this.text.length) throw this.unexpectedEnd();
      items.push(this.parseValue(level));
      this.skipWhitespace();
      const code = this.text.charCodeAt(this.offset);
      if (code === 44 /* Comma */) {
        const commaOffset = this.offset;
        this.offset++;
        this.skipWhitespace();
        if (this.text.charCodeAt(this.offset) === 93 /* CloseBracket */) {
          throw new ParseFailure("trailing comma before ']' is not allowed in JSON", commaOffset, commaOffset + 1);
        }
        continue;
      }
      if (code === 93 /* CloseBracket */) {
        this.offset++;
        return { kind: "seq", items, style: "json", startOffset, endOffset: this.offset };
      }
      if (this.offset >= this.text.length) throw this.unexpectedEnd();
      throw new ParseFailure(
        `expected ',' or ']' after array element, found ${this.describeCharAt(this.offset)}`,
        this.offset,
        this.offset + 1
      );
    }
  }
  /** Reads the string starting at the current `"` and leaves the offset just past its closing quote. */
  parseString() {
    const text = this.text;
    const startOffset = this.offset;
    let chunkStartOffset = startOffset + 1;
    let offset = chunkStartOffset;
    let decoded = "";
    for (; ; ) {
      if (offset >= text.length) throw this.unterminatedString(startOffset, offset);
      const code = text.charCodeAt(offset);
      if (code === 34 /* Quote */) {
        this.offset = offset + 1;
        return decoded + text.slice(chunkStartOffset, offset);
      }
      if (code < 32 /* Space */) {
        if (code === 10 /* LineFeed */ || code === 13 /* CarriageReturn */) throw this.unterminatedString(startOffset, offset);
        throw new ParseFailure(
          `unescaped control character ${codePointName(code)} in string; write it as an escape sequence`,
          offset,
          offset + 1
        );
      }
      if (code !== 92 /* Backslash */) {
        offset++;
        continue;
      }
      decoded += text.slice(chunkStartOffset, offset);
      const escape = text.charCodeAt(offset + 1);
      switch (escape) {
        case 34 /* Quote */:
          decoded += '"';
          break;
        case 92 /* Backslash */:
          decoded += "\\";
          break;
        case 47 /* Slash */:
          decoded += "/";
          break;
        case 98:
          decoded += "\b";
          break;
        case 102:
          decoded += "\f";
          break;
        case 110:
          decoded += "\n";
          break;
        case 114:
          decoded += "\r";
          break;
        case 116:
          decoded += "	";
          break;
        case 117: {
          const hex = text.slice(offset + 2, offset + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
            throw new ParseFailure(`invalid unicode escape '\\u${abbreviate(hex, 4)}' in string`, offset, offset + 2 + hex.length);
          }
          decoded += String.fromCharCode(parseInt(hex, 16));
          offset += 4;
          break;
        }
        default:
          if (Number.isNaN(escape)) throw this.unterminatedString(startOffset, offset + 1);
          throw new ParseFailure(`invalid escape '\\${text[offset + 1]}' in string`, offset, offset + 2);
      }
      offset += 2;
      chunkStartOffset = offset;
    }
  }
  parseNumber() {
    const text = this.text;
    const startOffset = this.offset;
    let offset = startOffset;
    if (text.charCodeAt(offset) === 45 /* Minus */) offset++;
    const firstDigit = text.charCodeAt(offset);
    if (!isDigit(firstDigit)) {
      if (text.startsWith("Infinity", offset)) throw new ParseFailure("Infinity is not a valid JSON number", startOffset, offset + 8);
      throw new ParseFailure("expected a digit after '-'", startOffset, offset + 1);
    }
    offset++;
    if (firstDigit === 48 /* Zero */ && isDigit(text.charCodeAt(offset))) {
      throw new ParseFailure("leading zeros are not allowed in JSON numbers; quote the value if it is an identifier", startOffset, scanDigits(text, offset));
    }
    offset = scanDigits(text, offset);
    let isInteger = true;
    if (text.charCodeAt(offset) === 46 /* Dot */) {
      isInteger = false;
      offset++;
      if (!isDigit(text.charCodeAt(offset))) throw new ParseFailure("expected a digit after '.' in number", startOffset, offset);
      offset = scanDigits(text, offset);
    }
    const exponentCode = text.charCodeAt(offset);
    if (exponentCode === 101 /* LowerE */ || exponentCode === 69 /* UpperE */) {
      isInteger = false;
      offset++;
      const signCode = text.charCodeAt(offset);
      if (signCode === 43 /* Plus */ || signCode === 45 /* Minus */) offset++;
      if (!isDigit(text.charCodeAt(offset))) throw new ParseFailure("expected a digit in the exponent of number", startOffset, offset);
      offset = scanDigits(text, offset);
    }
    if (isWordChar(text.charCodeAt(offset))) {
      throw new ParseFailure(`invalid number '${abbreviate(text.slice(startOffset, offset + 1), 30)}'`, startOffset, offset + 1);
    }
    this.offset = offset;
    const source = text.slice(startOffset, offset);
    const value = Number(source);
    return this.createScalar(keepsInformation(value, source, isInteger) ? value : source, startOffset, offset);
  }
  createScalar(value, startOffset, endOffset) {
    if (++this.nodeCount > this.limits.maxNodes) {
      throw new ParseFailure(`file has more than ${this.limits.maxNodes} values`, startOffset, endOffset);
    }
    return { kind: "scalar", value, style: "json", startOffset, endOffset };
  }
  enterCollection(level, startOffset) {
    if (level > this.limits.maxDepth) {
      throw new ParseFailure(`nesting is deeper than ${this.limits.maxDepth} levels`, startOffset, startOffset + 1);
    }
    if (++this.nodeCount > this.limits.maxNodes) {
      throw new ParseFailure(`file has more than ${this.limits.maxNodes} values`, startOffset, startOffset + 1);
    }
  }
  skipWhitespace() {
    const text = this.text;
    let offset = this.offset;
    for (; ; ) {
      const code = text.charCodeAt(offset);
      if (code === 32 /* Space */ || code === 10 /* LineFeed */ || code === 13 /* CarriageReturn */ || code === 9 /* Tab */) offset++;
      else break;
    }
    this.offset = offset;
    if (text.charCodeAt(offset) === 47 /* Slash */) {
      const next = text.charCodeAt(offset + 1);
      if (next === 47 /* Slash */ || next === 42) throw new ParseFailure("comments are not allowed in JSON", offset, offset + 2);
    }
  }
  unexpectedValue(startOffset = this.offset) {
    const text = this.text;
    if (startOffset >= text.length) return this.unexpectedEnd();
    const code = text.charCodeAt(startOffset);
    if (text.startsWith("NaN", startOffset)) return new ParseFailure("NaN is not a valid JSON number", startOffset, startOffset + 3);
    if (text.startsWith("Infinity", startOffset)) return new ParseFailure("Infinity is not a valid JSON number", startOffset, startOffset + 8);
    if (code === 39) return new ParseFailure("strings must use double quotes in JSON", startOffset, startOffset + 1);
    if (code === 43 /* Plus */ || code === 46 /* Dot */) return new ParseFailure(`invalid number: JSON numbers cannot start with '${text[startOffset]}'`, startOffset, startOffset + 1);
    if (code === 125 /* CloseBrace */ || code === 93 /* CloseBracket */ || code === 44 /* Comma */ || code === 58 /* Colon */) {
      return new ParseFailure(`expected a value, found ${this.describeCharAt(startOffset)}`, startOffset, startOffset + 1);
    }
    let endOffset = startOffset + 1;
    while (endOffset < text.length && endOffset - startOffset < 30 && isWordChar(text.charCodeAt(endOffset))) endOffset++;
    if (endOffset - startOffset > 1 && isWordChar(code)) {
      return new ParseFailure(`unexpected token '${text.slice(startOffset, endOffset)}'; strings must be in double quotes`, startOffset, endOffset);
    }
    return new ParseFailure(`unexpected ${this.describeCharAt(startOffset)}`, startOffset, startOffset + 1);
  }
  unexpectedEnd() {
    return new ParseFailure("unexpected end of input", this.text.length);
  }
  unterminatedString(startOffset, endOffset) {
    return new ParseFailure("unterminated string", startOffset, endOffset);
  }
  describeCharAt(offset) {
    if (offset >= this.text.length) return "end of input";
    const code = this.text.charCodeAt(offset);
    if (code < 32 /* Space */ || code === 127) return `control character ${codePointName(code)}`;
    return `'${this.text[offset]}'`;
  }
};
function isDigit(code) {
  return code >= 48 /* Zero */ && code <= 57 /* Nine */;
}
function isWordChar(code) {
  return code >= 48 && code <= 57 || code >= 65 && code <= 90 || code >= 97 && code <= 122 || code === 95 || code === 46;
}
function scanDigits(text, offset) {
  while (isDigit(text.charCodeAt(offset))) offset++;
  return offset;
}
function codePointName(code) {
  return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
}
function keepsInformation(value, source, isInteger) {
  if (!Number.isFinite(value)) return false;
  if (isInteger) return Number.isSafeInteger(value);
  return countSignificantDigits(source) <= 15 || String(value) === source;
}
function countSignificantDigits(source) {
  let count = 0;
  let leading = true;
  let trailingZeros = 0;
  for (let index = 0; index < source.length; index++) {
    const code = source.charCodeAt(index);
    if (code === 101 /* LowerE */ || code === 69 /* UpperE */) break;
    if (!isDigit(code)) continue;
    if (leading && code === 48 /* Zero */) continue;
    leading = false;
    count++;
    trailingZeros = code === 48 /* Zero */ ? trailingZeros + 1 : 0;
  }
  return count - trailingZeros;
}

// src/core/parse/yaml-parser.ts
var import_yaml2 = __toESM(require_dist(), 1);

// src/core/parse/short-form-tags.ts
var shortFormTagNames = [
  "Ref",
  "Condition",
  "GetAtt",
  "Sub",
  "Join",
  "If",
  "Select",
  "Split",
  "FindInMap",
  "ImportValue",
  "Base64",
  "Cidr",
  "GetAZs",
  "Equals",
  "And",
  "Or",
  "Not",
  "Transform",
  "ToJsonString",
  "Length",
  "Contains",
  "EachMemberEquals",
  "EachMemberIn",
  "RefAll",
  "ValueOf",
  "ValueOfAll",
  "Include",
  "ForEach"
];
function longFormOfTag(tagName) {
  if (tagName === "Ref" || tagName === "Condition" || tagName.startsWith("Fn::")) return tagName;
  return `Fn::${tagName}`;
}

// src/core/parse/yaml-parser.ts
var customTags = shortFormTagNames.flatMap((name) => [
  { tag: `!${name}`, resolve: (value) => value },
  { tag: `!${name}`, collection: "seq", resolve: (value) => value },
  { tag: `!${name}`, collection: "map", resolve: (value) => value }
]);
var composerOptions = {
  version: "1.2",
  schema: "core",
  customTags,
  // Merge keys and duplicate keys are handled in the walk: the library's duplicate check is quadratic
  // in the number of keys and its message cannot say where the first key was.
  merge: false,
  uniqueKeys: false,
  prettyErrors: false,
  keepSourceTokens: false
};
var scalarMarker = "";
var forbiddenCharacterPattern = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]/;
function parseYaml(text, limits) {
  try {
    return { root: parseYamlOrThrow(text, limits) };
  } catch (error) {
    if (error instanceof ParseFailure) return { error: error.toParseError() };
    const message = error instanceof Error ? error.message : String(error);
    return { error: { message: `could not parse the YAML: ${toSentence(message)}`, startOffset: 0, endOffset: 0 } };
  }
}
function parseYamlOrThrow(text, limits) {
  const forbiddenOffset = text.search(forbiddenCharacterPattern);
  if (forbiddenOffset !== -1) {
    const code = text.charCodeAt(forbiddenOffset);
    const name = code === 0 ? "a NUL byte" : `the control character U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
    throw new ParseFailure(`file contains ${name}, which YAML does not allow`, forbiddenOffset, forbiddenOffset + 1);
  }
  const { tokens, secondDocumentOffset, tagOffsets, tagSources } = lexAndParse(text, limits);
  const document = composeFirstDocument(tokens, text.length);
  if (!document) throw new ParseFailure("file holds no YAML document", 0);
  if (document.errors.length > 0) {
    let first = document.errors[0];
    for (const error of document.errors) if (error.pos[0] < first.pos[0]) first = error;
    throw new ParseFailure(toSentence(first.message), first.pos[0], first.pos[1]);
  }
  if (secondDocumentOffset !== void 0) {
    throw new ParseFailure(
      "file holds more than one YAML document; CloudFormation reads exactly one",
      secondDocumentOffset,
      secondDocumentOffset + 3
    );
  }
  const contents = document.contents;
  if (contents === null) return { kind: "scalar", value: null, style: "plain", startOffset: 0, endOffset: 0 };
  return new TreeBuilder(text, limits, tagOffsets, tagSources).build(contents, 0);
}
function composeFirstDocument(tokens, textLength) {
  const savedStackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    const composer = new import_yaml2.Composer(composerOptions);
    let document;
    for (const token3 of tokens) for (const composed of composer.next(token3)) document ??= composed;
    for (const composed of composer.end(true, textLength)) document ??= composed;
    return document;
  } finally {
    Error.stackTraceLimit = savedStackTraceLimit;
  }
}
function lexAndParse(text, limits) {
  const parser = new import_yaml2.Parser();
  const tokens = [];
  const tagOffsets = [];
  const tagSources = [];
  const maxStackLength = limits.maxDepth + 3;
  let hasDocument = false;
  let scalarCount = 0;
  let nextIsScalarText = false;
  const accept = (token3) => {
    if (token3.type === "document") {
      if (hasDocument) return false;
      hasDocument = true;
    }
    tokens.push(token3);
    return token3.type !== "error";
  };
  const stoppedAt = (token3) => token3.type === "document" ? { tokens, secondDocumentOffset: token3.offset, tagOffsets, tagSources } : { tokens, tagOffsets, tagSources };
  for (const lexeme of new import_yaml2.Lexer().lex(text, false)) {
    const lexemeOffset = parser.offset;
    if (nextIsScalarText) nextIsScalarText = false;
    else if (lexeme === scalarMarker) {
      nextIsScalarText = true;
      scalarCount++;
    } else {
      const firstCode = lexeme.charCodeAt(0);
      if (firstCode === 33) {
        tagOffsets.push(lexemeOffset);
        tagSources.push(lexeme);
      } else if (firstCode === 34 || firstCode === 39 || firstCode === 42) {
        scalarCount++;
      }
    }
    if (scalarCount > limits.maxNodes) {
      throw new ParseFailure(`file has more than ${limits.maxNodes} values`, lexemeOffset, lexemeOffset + lexeme.length);
    }
    for (const token3 of parser.next(lexeme)) if (!accept(token3)) return stoppedAt(token3);
    if (parser.stack.length > maxStackLength) {
      throw new ParseFailure(`nesting is deeper than ${limits.maxDepth} levels`, lexemeOffset, lexemeOffset + lexeme.length);
    }
  }
  for (const token3 of parser.end()) if (!accept(token3)) return stoppedAt(token3);
  return { tokens, tagOffsets, tagSources };
}
var anchorInProgress = null;
var TreeBuilder = class {
  text;
  limits;
  tagOffsets;
  tagSources;
  anchors = /* @__PURE__ */ new Map();
  /** Nodes created or reached through aliases so far; aliases count their whole target. */
  nodeCount = 0;
  aliasCount = 0;
  /** Deepest collection level reached so far, used to measure anchored subtrees. */
  deepestLevel = 0;
  constructor(text, limits, tagOffsets, tagSources) {
    this.text = text;
    this.limits = limits;
    this.tagOffsets = tagOffsets;
    this.tagSources = tagSources;
  }
  /** `level` is the number of collections (synthetic intrinsic maps included) around the node. */
  build(node, level) {
    if ((0, import_yaml2.isAlias)(node)) return this.resolveAlias(node.source, node.range[0], node.range[1], level);
    const anchor = node.anchor;
    if (!anchor) return this.buildTagged(node, level);
    this.anchors.set(anchor, anchorInProgress);
    const nodeCountBefore = this.nodeCount;
    const deepestBefore = this.deepestLevel;
    this.deepestLevel = level;
    const built = this.buildTagged(node, level);
    const height = this.deepestLevel - level;
    this.deepestLevel = Math.max(deepestBefore, this.deepestLevel);
    this.anchors.set(anchor, { node: built, nodeCount: this.nodeCount - nodeCountBefore, height });
    return built;
  }
  buildTagged(node, level) {
    const tag = node.tag;
    if (tag === void 0 || !isShortFormTag(tag)) return this.buildUntagged(node, level, false);
    const startOffset = node.range[0];
    const tagIndex = this.findTagIndexBefore(startOffset);
    const tagStartOffset = tagIndex === -1 ? startOffset : this.tagOffsets[tagIndex];
    const tagSource = tagIndex === -1 ? tag : this.tagSources[tagIndex];
    this.enterCollection(level + 1, tagStartOffset);
    const value = this.buildUntagged(node, level + 1, true);
    const key = longFormOfTag(tag.slice(1));
    const keyNode = this.createScalar(key, "plain", tagStartOffset, tagStartOffset + tagSource.length);
    const style = value.kind === "scalar" ? "flow" : value.style;
    return {
      kind: "map",
      entries: [{ key, keyNode, value }],
      style,
      shortForm: tagSource,
      startOffset: tagStartOffset,
      endOffset: Math.max(value.endOffset, keyNode.endOffset)
    };
  }
  buildUntagged(node, level, isTagValue) {
    if ((0, import_yaml2.isScalar)(node)) return this.buildScalar(node, isTagValue);
    if ((0, import_yaml2.isMap)(node)) return this.buildMap(node, level + 1);
    if ((0, import_yaml2.isSeq)(node)) return this.buildSeq(node, level + 1);
    const range = node.range;
    throw new ParseFailure("unsupported YAML node", range[0], range[1]);
  }
  buildScalar(node, isTagValue) {
    const [startOffset, valueEndOffset] = node.range;
    const source = node.source ?? "";
    switch (node.type) {
      case "QUOTE_DOUBLE":
        return this.createScalar(source, "double", startOffset, valueEndOffset);
      case "QUOTE_SINGLE":
        return this.createScalar(source, "single", startOffset, valueEndOffset);
      case "BLOCK_LITERAL":
        return this.createScalar(source, "block-literal", startOffset, this.trimBlockScalarEnd(startOffset, valueEndOffset));
      case "BLOCK_FOLDED":
        return this.createScalar(source, "block-folded", startOffset, this.trimBlockScalarEnd(startOffset, valueEndOffset));
      default: {
        const tag = node.tag;
        const value = tag !== void 0 && !isShortFormTag(tag) ? valueOfStandardTag(node.value, source) : resolvePlainScalar(source, isTagValue);
        return this.createScalar(value, "plain", startOffset, valueEndOffset);
      }
    }
  }
  buildMap(node, level) {
    const startOffset = node.range[0];
    this.enterCollection(level, startOffset);
    const style = node.flow ? "flow" : "block";
    const ownEntries = [];
    let sequence;
    let keyIndex;
    let lastEndOffset = startOffset;
    for (const pair of node.items) {
      const keyNode = this.buildKey(pair.key, lastEndOffset);
      const valueNode = pair.value === null ? this.createScalar(null, "plain", keyNode.endOffset, keyNode.endOffset) : this.build(pair.value, level);
      lastEndOffset = Math.max(keyNode.endOffset, valueNode.endOffset);
      if (keyNode.style === "plain" && keyNode.value === "<<" && isPlainUntaggedKey(pair.key)) {
        sequence ??= ownEntries.slice();
        sequence.push(this.mergeSources(valueNode));
        continue;
      }
      const key = keyNode.value;
      let firstKeyNode;
      if (keyIndex) firstKeyNode = keyIndex.get(key);
      else for (const entry2 of ownEntries) if (entry2.key === key) firstKeyNode = entry2.keyNode;
      if (firstKeyNode) {
        throw ParseFailure.duplicateKey(this.text, key, firstKeyNode.startOffset, keyNode.startOffset, keyNode.endOffset);
      }
      const entry = { key, keyNode, value: valueNode };
      ownEntries.push(entry);
      sequence?.push(entry);
      if (keyIndex) keyIndex.set(key, keyNode);
      else if (ownEntries.length > 8) keyIndex = new Map(ownEntries.map((own) => [own.key, own.keyNode]));
    }
    const endOffset = style === "flow" ? node.range[1] : lastEndOffset;
    const entries = sequence ? this.applyMerges(sequence, ownEntries) : ownEntries;
    return { kind: "map", entries, style, startOffset, endOffset };
  }
  /**
   * YAML merge semantics: keys written in the map win over merged ones wherever they appear, and among
   * merged maps the first to define a key wins. Merged entries take the place of the `<<` key.
   */
  applyMerges(sequence, ownEntries) {
    const seen = new Set(ownEntries.map((entry) => entry.key));
    const entries = [];
    for (const item of sequence) {
      if (!Array.isArray(item)) {
        entries.push(item);
        continue;
      }
      for (const source of item) {
        for (const entry of source.entries) {
          if (seen.has(entry.key)) continue;
          seen.add(entry.key);
          entries.push(entry);
        }
      }
    }
    return entries;
  }
  mergeSources(value) {
    if (value.kind === "map" && value.shortForm === void 0) return [value];
    if (value.kind === "seq" && value.items.every((item) => item.kind === "map" && item.shortForm === void 0)) {
      return value.items;
    }
    throw new ParseFailure("merge key '<<' needs a mapping or a list of mappings", value.startOffset, value.endOffset);
  }
  buildKey(key, fallbackOffset) {
    if (key === null) return this.createScalar("", "plain", fallbackOffset, fallbackOffset);
    if ((0, import_yaml2.isAlias)(key)) {
      const target = this.resolveAlias(key.source, key.range[0], key.range[1], 0);
      if (target.kind !== "scalar") {
        throw new ParseFailure("mapping key must be a string, not an alias to a mapping or sequence", key.range[0], key.range[1]);
      }
      return this.createScalar(keyString(target.value, target.value === null ? "" : String(target.value)), target.style, key.range[0], key.range[1]);
    }
    if (!(0, import_yaml2.isScalar)(key) || key.tag !== void 0 && isShortFormTag(key.tag)) {
      const startOffset = key.tag !== void 0 ? this.tagStartOffset(key.range[0]) : key.range[0];
      throw new ParseFailure("mapping key must be a plain string, not a mapping, sequence or tagged value", startOffset, key.range[1]);
    }
    const scalar = this.buildScalar(key, false);
    scalar.value = keyString(scalar.value, key.source ?? "");
    return scalar;
  }
  buildSeq(node, level) {
    const startOffset = node.range[0];
    this.enterCollection(level, startOffset);
    const style = node.flow ? "flow" : "block";
    const items = [];
    let lastEndOffset = startOffset;
    for (const item of node.items) {
      const built = item === null ? this.createScalar(null, "plain", lastEndOffset, lastEndOffset) : this.build(item, level);
      items.push(built);
      lastEndOffset = built.endOffset;
    }
    const endOffset = style === "flow" ? node.range[1] : lastEndOffset;
    return { kind: "seq", items, style, startOffset, endOffset };
  }
  resolveAlias(name, startOffset, endOffset, level) {
    const record = this.anchors.get(name);
    if (record === void 0) throw new ParseFailure(`alias '*${abbreviate(name)}' refers to no anchor defined before it`, startOffset, endOffset);
    if (record === anchorInProgress) {
      throw new ParseFailure(`alias '*${abbreviate(name)}' refers to a node that contains it`, startOffset, endOffset);
    }
    if (++this.aliasCount > this.limits.maxAliases) {
      throw new ParseFailure(`file uses more than ${this.limits.maxAliases} aliases`, startOffset, endOffset);
    }
    this.nodeCount += record.nodeCount;
    if (this.nodeCount > this.limits.maxNodes) {
      throw new ParseFailure(`aliases expand the file to more than ${this.limits.maxNodes} values`, startOffset, endOffset);
    }
    const deepest = level + record.height;
    if (deepest > this.limits.maxDepth) {
      throw new ParseFailure(`alias '*${abbreviate(name)}' makes nesting deeper than ${this.limits.maxDepth} levels`, startOffset, endOffset);
    }
    if (deepest > this.deepestLevel) this.deepestLevel = deepest;
    return record.node;
  }
  createScalar(value, style, startOffset, endOffset) {
    this.countNode(startOffset, endOffset);
    return { kind: "scalar", value, style, startOffset, endOffset };
  }
  countNode(startOffset, endOffset) {
    if (++this.nodeCount > this.limits.maxNodes) {
      throw new ParseFailure(`file has more than ${this.limits.maxNodes} values`, startOffset, endOffset);
    }
  }
  enterCollection(level, startOffset) {
    if (level > this.limits.maxDepth) {
      throw new ParseFailure(`nesting is deeper than ${this.limits.maxDepth} levels`, startOffset, startOffset + 1);
    }
    if (level > this.deepestLevel) this.deepestLevel = level;
    this.countNode(startOffset, startOffset + 1);
  }
  /** Index of the last tag lexeme starting before `offset`: a node's tag is the closest one in front of it. */
  findTagIndexBefore(offset) {
    let low = 0;
    let high = this.tagOffsets.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = low + high >> 1;
      if (this.tagOffsets[middle] < offset) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    return found;
  }
  tagStartOffset(offset) {
    const index = this.findTagIndexBefore(offset);
    return index === -1 ? offset : this.tagOffsets[index];
  }
  /** A block scalar's range runs through its final line break and trailing blank lines; stop at its last character. */
  trimBlockScalarEnd(startOffset, endOffset) {
    const text = this.text;
    while (endOffset > startOffset + 1) {
      const code = text.charCodeAt(endOffset - 1);
      if (code === 10 || code === 13 || code === 32 || code === 9) endOffset--;
      else break;
    }
    return endOffset;
  }
};
function isShortFormTag(tag) {
  return tag.length > 1 && tag.charCodeAt(0) === 33 && tag.charCodeAt(1) !== 33;
}
function isPlainUntaggedKey(key) {
  return key !== null && (0, import_yaml2.isScalar)(key) && key.type === "PLAIN" && key.tag === void 0;
}
function keyString(value, source) {
  return typeof value === "string" ? value : source;
}
var coreDecimalPattern = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
function resolvePlainScalar(source, isTagValue) {
  switch (source) {
    // CloudFormation reads `!GetAZs` with nothing after it as the empty string, like PyYAML does.
    case "":
      return isTagValue ? "" : null;
    case "~":
    case "null":
    case "Null":
    case "NULL":
      return null;
    case "true":
    case "True":
    case "TRUE":
      return true;
    case "false":
    case "False":
    case "FALSE":
      return false;
  }
  const firstCode = source.charCodeAt(0);
  const mayBeNumber = firstCode >= 48 && firstCode <= 57 || firstCode === 45 || firstCode === 43 || firstCode === 46;
  if (mayBeNumber && coreDecimalPattern.test(source)) {
    const value = Number(source);
    if (String(value) === source) return value;
  }
  return source;
}
function valueOfStandardTag(value, source) {
  if (typeof value === "number") return String(value) === source ? value : source;
  if (typeof value === "string" || typeof value === "boolean" || value === null) return value;
  return source;
}
function toSentence(message) {
  const firstLine = message.split("\n", 1)[0].trim().replace(/\.$/, "");
  if (/^[A-Z][a-z]/.test(firstLine)) return firstLine[0].toLowerCase() + firstLine.slice(1);
  return firstLine;
}

// src/core/parse/parse-file.ts
function parseFile(path, text, limits = defaultParseLimits) {
  const source = new SourceFile(path, text);
  let syntax = detectSyntax(text);
  try {
    if (text.length > limits.maxFileBytes) {
      const message = `file is ${formatMegabytes(text.length)} MB, over the ${formatMegabytes(limits.maxFileBytes)} MB limit`;
      return failedFile(source, syntax, { message, startOffset: 0, endOffset: 0 });
    }
    let outcome = syntax === "json" ? parseJson(text, limits) : parseYaml(text, limits);
    if (outcome.error && syntax === "json" && !path.toLowerCase().endsWith(".json")) {
      const yamlOutcome = parseYaml(text, limits);
      if (yamlOutcome.root) {
        outcome = yamlOutcome;
        syntax = "yaml";
      }
    }
    if (outcome.error) return failedFile(source, syntax, outcome.error);
    const { kind, taskDefinitionRoot } = detectFileKind(outcome.root);
    const parsed = { source, syntax, kind, root: outcome.root };
    if (taskDefinitionRoot) parsed.taskDefinitionRoot = taskDefinitionRoot;
    return parsed;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return failedFile(source, syntax, { message: `could not parse the file: ${detail}`, startOffset: 0, endOffset: 0 });
  }
}
function detectSyntax(text) {
  for (let offset = 0; offset < text.length; offset++) {
    const code = text.charCodeAt(offset);
    if (code === 65279 || code === 32 || code === 9 || code === 10 || code === 13) continue;
    return code === 123 || code === 91 ? "json" : "yaml";
  }
  return "yaml";
}
function failedFile(source, syntax, error) {
  const kind = guessFileKind(source.text);
  if (kind === "other") return { source, syntax, kind };
  return { source, syntax, kind, error };
}
function formatMegabytes(length) {
  const megabytes = length / (1024 * 1024);
  return String(megabytes >= 10 ? Math.round(megabytes) : Math.round(megabytes * 10) / 10);
}

// src/core/model/log-group-arn.ts
function logGroupArns(groupName, region, account = "${AWS::AccountId}", partition = "${AWS::Partition}") {
  const groupArn = `arn:${partition}:logs:${region}:${account}:log-group:${groupName}`;
  return { groupArn, streamsArn: `${groupArn}:*` };
}

// src/core/rules/credential-sources.ts
function agentCredentialSource(repo, task) {
  const execution = repo.executionRole(task);
  if (!isRoleAbsent(execution)) {
    return { kind: "execution", roles: knownRoles(execution), externalRoles: externalRoleTexts(execution), use: execution };
  }
  if (isFargateLike(task)) return void 0;
  const instanceRoles = repo.instanceRolesFor(task);
  if (instanceRoles.length === 0) return void 0;
  return { kind: "instance", roles: instanceRoles, externalRoles: [] };
}
function executionRoleSource(repo, task) {
  const execution = repo.executionRole(task);
  if (isRoleAbsent(execution)) return void 0;
  return { kind: "execution", roles: knownRoles(execution), externalRoles: externalRoleTexts(execution), use: execution };
}
function describeSource(source, role) {
  return source.kind === "execution" ? `execution role ${role.label}` : `instance role ${role.label} (used because the task definition has no execution role)`;
}
function roleAnchor(role) {
  const props = role.resource?.properties;
  const policies = props?.entries.find((e) => e.key === "Policies" || e.key === "ManagedPolicyArns");
  return policies?.keyNode ?? props ?? role.resource?.node;
}

// src/core/iam/action-match.ts
var MAX_CACHED_PATTERNS = 1e4;
var compiledPatterns = /* @__PURE__ */ new Map();
var STAR = 42;
var QMARK = 63;
function matchesAction(pattern, action) {
  const compiled = compileActionPattern(pattern);
  const text = compiled.text;
  switch (compiled.shape) {
    case "any":
      return true;
    case "exact":
      return text.length === action.length && equalsFolded(text, action, text.length);
    case "prefix":
      return action.length >= text.length - 1 && equalsFolded(text, action, text.length - 1);
    case "glob":
      return globFolded(text, action);
  }
}
function compileActionPattern(pattern) {
  let compiled = compiledPatterns.get(pattern);
  if (compiled) return compiled;
  const text = pattern.toLowerCase();
  let stars = 0;
  let qmarks = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === STAR) stars++;
    else if (c === QMARK) qmarks++;
  }
  let shape;
  if (stars > 0 && stars === text.length) shape = "any";
  else if (stars === 0 && qmarks === 0) shape = "exact";
  else if (stars === 1 && qmarks === 0 && text.charCodeAt(text.length - 1) === STAR) shape = "prefix";
  else shape = "glob";
  compiled = { text, shape };
  if (compiledPatterns.size >= MAX_CACHED_PATTERNS) compiledPatterns.clear();
  compiledPatterns.set(pattern, compiled);
  return compiled;
}
function foldAscii(c) {
  return c >= 65 && c <= 90 ? c + 32 : c;
}
function equalsFolded(lowerPattern, action, length) {
  for (let i = 0; i < length; i++) {
    if (lowerPattern.charCodeAt(i) !== foldAscii(action.charCodeAt(i))) return false;
  }
  return true;
}
function globFolded(lowerPattern, action) {
  const pn = lowerPattern.length;
  const an = action.length;
  let p = 0;
  let a = 0;
  let starAt = -1;
  let resumeAt = 0;
  while (a < an) {
    const pc = p < pn ? lowerPattern.charCodeAt(p) : -1;
    if (pc === STAR) {
      starAt = p++;
      resumeAt = a;
    } else if (pc === QMARK || pc >= 0 && pc === foldAscii(action.charCodeAt(a))) {
      p++;
      a++;
    } else if (starAt >= 0) {
      p = starAt + 1;
      a = ++resumeAt;
    } else {
      return false;
    }
  }
  while (p < pn && lowerPattern.charCodeAt(p) === STAR) p++;
  return p === pn;
}

// src/core/iam/resource-match.ts
function matchResource(pattern, resource, options) {
  if (pattern === "*") return "yes";
  return matchSubPattern(pattern, resource, {
    wildcards: true,
    ignoreCase: false,
    account: options?.account,
    region: options?.region,
    partition: options?.partition
  });
}
function matchSubPattern(pattern, value, mode) {
  const key = `${pattern}\0${value}\0${modeKey(mode)}`;
  let result = matchResults.get(key);
  if (result === void 0) {
    result = RESULT_NAMES[computeMatch(parseSymbols(pattern, true, mode), parseSymbols(value, false, mode))];
    if (matchResults.size >= MAX_CACHED_RESULTS) matchResults.clear();
    matchResults.set(key, result);
  }
  return result;
}
var NO = 0;
var MAYBE = 1;
var YES = 2;
var RESULT_NAMES = ["no", "maybe", "yes"];
var LIT = 0;
var STAR2 = 1;
var QMARK2 = 2;
var PSEUDO_SEGMENT = 3;
var PSEUDO = 4;
var TOKEN = 5;
var END = 255;
var SEGMENT_PSEUDO_PARAMETERS = /* @__PURE__ */ new Set(["AWS::Partition", "AWS::Region", "AWS::AccountId", "AWS::URLSuffix", "AWS::StackName"]);
var URL_SUFFIXES = { aws: "amazonaws.com", "aws-cn": "amazonaws.com.cn", "aws-us-gov": "amazonaws.com" };
var COLON = 58;
var SLASH = 47;
var MAX_CACHED_RESULTS = 5e4;
var MAX_CACHED_SEQUENCES = 2e4;
var matchResults = /* @__PURE__ */ new Map();
var symbolSequences = /* @__PURE__ */ new Map();
var nameIds = /* @__PURE__ */ new Map();
function modeKey(mode) {
  return `${mode.wildcards ? "w" : ""}${mode.ignoreCase ? "i" : ""}:${mode.account ?? ""}:${mode.region ?? ""}:${mode.partition ?? ""}`;
}
function internName(name) {
  let id = nameIds.get(name);
  if (id === void 0) {
    id = nameIds.size;
    nameIds.set(name, id);
  }
  return id;
}
function partitionOfRegion(region) {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  if (region.startsWith("us-isob-")) return "aws-iso-b";
  if (region.startsWith("us-iso-")) return "aws-iso";
  return "aws";
}
function pinnedPseudoValue(name, mode) {
  const partition = mode.partition ?? (mode.region ? partitionOfRegion(mode.region) : void 0);
  switch (name) {
    case "AWS::AccountId":
      return mode.account;
    case "AWS::Region":
      return mode.region;
    case "AWS::Partition":
      return partition;
    case "AWS::URLSuffix":
      return partition ? URL_SUFFIXES[partition] : void 0;
    default:
      return void 0;
  }
}
function parseSymbols(text, isPattern, mode) {
  const key = `${isPattern ? "p" : "v"}${modeKey(mode)}\0${text}`;
  const cached = symbolSequences.get(key);
  if (cached) return cached;
  const kinds = [];
  const values = [];
  let plain = true;
  const wildcards = isPattern && mode.wildcards;
  const pushLiteral = (literal) => {
    for (const ch of mode.ignoreCase ? literal.toLowerCase() : literal) {
      kinds.push(LIT);
      values.push(ch.codePointAt(0));
    }
  };
  const pushName = (kind, name) => {
    kinds.push(kind);
    values.push(internName(name));
    plain = false;
  };
  const pushEscaped = (inner) => {
    if (isPattern && (inner === "*" || inner === "?" || inner === "$")) {
      kinds.push(LIT);
      values.push(inner.charCodeAt(0));
    } else if (isPattern && inner.includes(":")) {
      pushName(TOKEN, `\${${inner}}`);
    } else {
      pushLiteral(`\${${inner}}`);
    }
  };
  let literalStart = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (wildcards && (c === 42 || c === 63)) {
      pushLiteral(text.slice(literalStart, i));
      kinds.push(c === 42 ? STAR2 : QMARK2);
      values.push(0);
      literalStart = ++i;
      continue;
    }
    const close = c === 36 && text.charCodeAt(i + 1) === 123 ? text.indexOf("}", i + 2) : -1;
    if (close < 0) {
      i++;
      continue;
    }
    pushLiteral(text.slice(literalStart, i));
    if (text.charCodeAt(i + 2) === 33) {
      pushEscaped(text.slice(i + 3, close));
    } else {
      const name = text.slice(i + 2, close);
      const pinned = name.startsWith("AWS::") ? pinnedPseudoValue(name, mode) : void 0;
      if (pinned !== void 0) pushLiteral(pinned);
      else if (name.startsWith("AWS::")) pushName(SEGMENT_PSEUDO_PARAMETERS.has(name) ? PSEUDO_SEGMENT : PSEUDO, name);
      else pushName(TOKEN, name);
    }
    literalStart = i = close + 1;
  }
  pushLiteral(text.slice(literalStart));
  const seq = { length: kinds.length, kinds: Uint8Array.from(kinds), values: Int32Array.from(values), plain };
  if (symbolSequences.size >= MAX_CACHED_SEQUENCES) symbolSequences.clear();
  symbolSequences.set(key, seq);
  return seq;
}
function computeMatch(pattern, value) {
  if (pattern.plain && value.plain) return globSymbols(pattern, value) ? YES : NO;
  return symbolMatcher.match(pattern, value);
}
function globSymbols(pattern, value) {
  const pk = pattern.kinds;
  const pv = pattern.values;
  const vv = value.values;
  let p = 0;
  let v = 0;
  let starAt = -1;
  let resumeAt = 0;
  while (v < value.length) {
    const kind = p < pattern.length ? pk[p] : END;
    if (kind === STAR2) {
      starAt = p++;
      resumeAt = v;
    } else if (kind === QMARK2 || kind === LIT && pv[p] === vv[v]) {
      p++;
      v++;
    } else if (starAt >= 0) {
      p = starAt + 1;
      v = ++resumeAt;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pk[p] === STAR2) p++;
  return p === pattern.length;
}
var MAX_TABLE_CELLS = 1 << 25;
var RETAINED_TABLE_CELLS = 1 << 20;
var MAX_TRANSITIONS = 6;
var SymbolMatcher = class {
  memo = new Uint8Array(1024);
  p;
  v;
  stride = 0;
  /** Where `add` writes the next transition. */
  slot = 0;
  // Frame stack: one frame per state being decided, with its transitions (child state, cap on the result).
  frameState = new Int32Array(64);
  frameNext = new Uint8Array(64);
  frameCount = new Uint8Array(64);
  frameBest = new Uint8Array(64);
  children = new Int32Array(64 * MAX_TRANSITIONS);
  caps = new Uint8Array(64 * MAX_TRANSITIONS);
  match(pattern, value) {
    const cells = (pattern.length + 1) * (value.length + 1) * 3;
    if (cells > MAX_TABLE_CELLS) return MAYBE;
    if (this.memo.length < cells) this.memo = new Uint8Array(cells);
    else this.memo.fill(0, 0, cells);
    this.p = pattern;
    this.v = value;
    this.stride = value.length + 1;
    this.reserveFrames(pattern.length + value.length + 2);
    const result = this.solve(0);
    if (cells > RETAINED_TABLE_CELLS) this.memo = new Uint8Array(1024);
    return result;
  }
  solve(root) {
    const memo = this.memo;
    let depth = 0;
    this.pushFrame(depth++, root);
    while (depth > 0) {
      const frame = depth - 1;
      const best = this.frameBest[frame];
      const next = this.frameNext[frame];
      if (best === YES || next === this.frameCount[frame]) {
        memo[this.frameState[frame]] = best + 1;
        depth--;
        continue;
      }
      const slot = frame * MAX_TRANSITIONS + next;
      const cap = this.caps[slot];
      if (cap <= best) {
        this.frameNext[frame] = next + 1;
        continue;
      }
      const child = this.children[slot];
      const known = memo[child];
      if (known === 0) {
        this.pushFrame(depth++, child);
        continue;
      }
      const level = known - 1 < cap ? known - 1 : cap;
      if (level > best) this.frameBest[frame] = level;
      this.frameNext[frame] = next + 1;
    }
    return memo[root] - 1;
  }
  pushFrame(frame, state) {
    this.frameState[frame] = state;
    this.frameNext[frame] = 0;
    this.frameBest[frame] = NO;
    this.frameCount[frame] = this.listTransitions(state, frame * MAX_TRANSITIONS);
    const s = state % 3;
    const cell = (state - s) / 3;
    if (s === 0 && cell === this.p.length * this.stride + this.v.length) this.frameBest[frame] = YES;
  }
  /** Writes the transitions out of a state, best first so the search can stop early; returns how many. */
  listTransitions(state, base) {
    const s = state % 3;
    const cell = (state - s) / 3;
    const i = Math.floor(cell / this.stride);
    const j = cell - i * this.stride;
    const p = this.p;
    const v = this.v;
    const pk = i < p.length ? p.kinds[i] : END;
    const vk = j < v.length ? v.kinds[j] : END;
    this.slot = base;
    if (s === 1) {
      this.add(i + 1, j, 0, YES);
      if (canTake(pk, vk, v.values[j])) this.add(i, j + 1, 1, takeLevel(vk));
      return this.slot - base;
    }
    if (s === 2) {
      this.add(i, j + 1, 0, YES);
      if (canAbsorb(vk, pk, p.values[i])) this.add(i + 1, j, 2, MAYBE);
      return this.slot - base;
    }
    switch (pk) {
      case LIT:
        if (vk === LIT && p.values[i] === v.values[j]) this.add(i + 1, j + 1, 0, YES);
        break;
      case QMARK2:
        if (vk === LIT) this.add(i + 1, j + 1, 0, YES);
        break;
      case STAR2:
        this.add(i + 1, j, 0, YES);
        if (vk !== END) this.add(i, j + 1, 0, YES);
        break;
      case PSEUDO_SEGMENT:
      case PSEUDO:
        if (canTake(pk, vk, v.values[j])) this.add(i, j + 1, 1, takeLevel(vk));
        break;
      case TOKEN:
        if (vk === TOKEN && p.values[i] === v.values[j]) this.add(i + 1, j + 1, 0, YES);
        this.add(i + 1, j, 0, MAYBE);
        if (vk !== END) this.add(i, j + 1, 0, MAYBE);
        break;
    }
    if (vk === TOKEN) {
      this.add(i, j + 1, 0, MAYBE);
      if (pk !== END) this.add(i + 1, j, 0, MAYBE);
    } else if (isPseudo(vk) && canAbsorb(vk, pk, p.values[i])) {
      this.add(i + 1, j, 2, MAYBE);
    }
    return this.slot - base;
  }
  add(i, j, state, cap) {
    this.children[this.slot] = (i * this.stride + j) * 3 + state;
    this.caps[this.slot] = cap;
    this.slot++;
  }
  reserveFrames(frames) {
    if (this.frameState.length >= frames) return;
    this.frameState = new Int32Array(frames);
    this.frameNext = new Uint8Array(frames);
    this.frameCount = new Uint8Array(frames);
    this.frameBest = new Uint8Array(frames);
    this.children = new Int32Array(frames * MAX_TRANSITIONS);
    this.caps = new Uint8Array(frames * MAX_TRANSITIONS);
  }
};
var symbolMatcher = new SymbolMatcher();
function isPseudo(kind) {
  return kind === PSEUDO_SEGMENT || kind === PSEUDO;
}
function isSeparator(codePoint) {
  return codePoint === COLON || codePoint === SLASH;
}
function canTake(patternKind, valueKind, valueSymbol) {
  if (valueKind === LIT) return patternKind !== PSEUDO_SEGMENT || !isSeparator(valueSymbol);
  return valueKind !== END;
}
function takeLevel(valueKind) {
  return valueKind === TOKEN ? MAYBE : YES;
}
function canAbsorb(valueKind, patternKind, patternSymbol) {
  if (patternKind === LIT) return valueKind !== PSEUDO_SEGMENT || !isSeparator(patternSymbol);
  return patternKind !== END;
}

// src/core/iam/condition-eval.ts
var FALSE = 0;
var UNKNOWN = 1;
var TRUE = 2;
var TRUTH_NAMES = ["false", "unknown", "true"];
var FROM_MATCH = { no: FALSE, maybe: UNKNOWN, yes: TRUE };
function evaluateConditions(conditions, context, pseudoValues) {
  let result = TRUE;
  for (const condition2 of conditions) {
    const truth = evaluateOne(condition2, context, pseudoValues);
    if (truth === FALSE) return "false";
    if (truth < result) result = truth;
  }
  return TRUTH_NAMES[result];
}
var BASE_OPERATORS = {
  stringequals: { kind: "string" },
  stringnotequals: { kind: "string", negated: true },
  stringequalsignorecase: { kind: "string", ignoreCase: true },
  stringnotequalsignorecase: { kind: "string", ignoreCase: true, negated: true },
  stringlike: { kind: "string", wildcards: true },
  stringnotlike: { kind: "string", wildcards: true, negated: true },
  arnequals: { kind: "arn", wildcards: true },
  arnlike: { kind: "arn", wildcards: true },
  arnnotequals: { kind: "arn", wildcards: true, negated: true },
  arnnotlike: { kind: "arn", wildcards: true, negated: true },
  bool: { kind: "bool", ignoreCase: true },
  null: { kind: "null" },
  numericequals: { kind: "numeric" },
  numericnotequals: { kind: "numeric", negated: true },
  numericlessthan: { kind: "numeric", comparison: "lessThan" },
  numericlessthanequals: { kind: "numeric", comparison: "lessThanEquals" },
  numericgreaterthan: { kind: "numeric", comparison: "greaterThan" },
  numericgreaterthanequals: { kind: "numeric", comparison: "greaterThanEquals" },
  dateequals: { kind: "date" },
  datenotequals: { kind: "date", negated: true },
  datelessthan: { kind: "date", comparison: "lessThan" },
  datelessthanequals: { kind: "date", comparison: "lessThanEquals" },
  dategreaterthan: { kind: "date", comparison: "greaterThan" },
  dategreaterthanequals: { kind: "date", comparison: "greaterThanEquals" },
  notipaddress: { kind: "undecidable", negated: true }
};
var parsedOperators = /* @__PURE__ */ new Map();
function parseOperator(operator) {
  let parsed = parsedOperators.get(operator);
  if (parsed) return parsed;
  let name = operator.toLowerCase();
  let quantifier;
  if (name.startsWith("foranyvalue:")) {
    quantifier = "any";
    name = name.slice("foranyvalue:".length);
  } else if (name.startsWith("forallvalues:")) {
    quantifier = "all";
    name = name.slice("forallvalues:".length);
  }
  const ifExists = name.endsWith("ifexists");
  if (ifExists) name = name.slice(0, -"ifexists".length);
  const base = BASE_OPERATORS[name] ?? { kind: "undecidable" };
  parsed = {
    kind: base.kind,
    quantifier,
    ifExists,
    negated: base.negated ?? false,
    wildcards: base.wildcards ?? false,
    ignoreCase: base.ignoreCase ?? false,
    comparison: base.comparison ?? "equals"
  };
  if (parsedOperators.size < 1e3) parsedOperators.set(operator, parsed);
  return parsed;
}
function evaluateOne(condition2, context, pseudoValues) {
  const operator = parseOperator(condition2.operator);
  const key = condition2.key.toLowerCase();
  const requestValues = context && Object.hasOwn(context, key) ? context[key] : void 0;
  if (operator.kind === "null") return evaluateNull(condition2.values, requestValues);
  if (requestValues === void 0) return UNKNOWN;
  if (requestValues.length === 0) {
    if (operator.ifExists || operator.quantifier === "all") return TRUE;
    if (operator.quantifier === "any") return FALSE;
    return operator.negated ? TRUE : FALSE;
  }
  if (operator.kind === "undecidable") return UNKNOWN;
  const all = operator.quantifier === "all";
  let result = all ? TRUE : FALSE;
  for (const requestValue of requestValues) {
    let truth = matchesAnyPolicyValue(operator, condition2.values, requestValue, pseudoValues);
    if (operator.negated) truth = TRUE - truth;
    if (all ? truth < result : truth > result) result = truth;
    if (all ? result === FALSE : result === TRUE) break;
  }
  return result;
}
function matchesAnyPolicyValue(operator, policyValues, requestValue, pseudoValues) {
  let result = FALSE;
  for (const policyValue of policyValues) {
    const truth = compareValue(operator, policyValue, requestValue, pseudoValues);
    if (truth > result) result = truth;
    if (result === TRUE) break;
  }
  return result;
}
function compareValue(operator, policyValue, requestValue, pseudoValues) {
  switch (operator.kind) {
    case "string":
    case "arn":
    case "bool":
      return FROM_MATCH[matchSubPattern(policyValue, requestValue, {
        wildcards: operator.wildcards,
        ignoreCase: operator.ignoreCase,
        account: pseudoValues?.account,
        region: pseudoValues?.region,
        partition: pseudoValues?.partition
      })];
    case "numeric":
      return compareOrdered(operator.comparison, parseNumber(requestValue), parseNumber(policyValue));
    case "date":
      return compareOrdered(operator.comparison, parseDate(requestValue), parseDate(policyValue));
    default:
      return UNKNOWN;
  }
}
function compareOrdered(comparison, request, policy) {
  if (request === void 0 || policy === void 0) return UNKNOWN;
  let holds;
  switch (comparison) {
    case "equals":
      holds = request === policy;
      break;
    case "lessThan":
      holds = request < policy;
      break;
    case "lessThanEquals":
      holds = request <= policy;
      break;
    case "greaterThan":
      holds = request > policy;
      break;
    case "greaterThanEquals":
      holds = request >= policy;
      break;
  }
  return holds ? TRUE : FALSE;
}
var NUMBER_PATTERN = /^\s*-?\d+(\.\d+)?\s*$/;
function parseNumber(text) {
  return NUMBER_PATTERN.test(text) ? Number(text) : void 0;
}
var ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
var EPOCH_PATTERN = /^\d+$/;
function parseDate(text) {
  if (EPOCH_PATTERN.test(text)) return Number(text) * 1e3;
  if (!ISO_DATE_PATTERN.test(text)) return void 0;
  const time = Date.parse(text);
  return Number.isNaN(time) ? void 0 : time;
}
function evaluateNull(policyValues, requestValues) {
  if (requestValues === void 0) return UNKNOWN;
  const present = requestValues.length > 0;
  let result = FALSE;
  for (const policyValue of policyValues) {
    const normalized = policyValue.toLowerCase();
    const truth = normalized === "true" ? present ? FALSE : TRUE : normalized === "false" ? present ? TRUE : FALSE : UNKNOWN;
    if (truth > result) result = truth;
  }
  return result;
}

// src/core/iam/evaluate.ts
var NO2 = 0;
var MAYBE2 = 1;
var YES2 = 2;
var LEVEL_NAMES = ["no", "maybe", "yes"];
var FROM_MATCH2 = { no: NO2, maybe: MAYBE2, yes: YES2 };
var compiledStatements = /* @__PURE__ */ new WeakMap();
var ANY_RESOURCE = ["*"];
function compileStatement(statement) {
  let compiled = compiledStatements.get(statement);
  if (compiled) return compiled;
  const hasNeither = statement.resource === void 0 && statement.notResource === void 0;
  compiled = {
    identity: statement.principal === void 0 && statement.notPrincipal === void 0,
    actions: statement.action,
    notActions: statement.notAction,
    actionsHaveTokens: statement.action?.some(hasSubToken) ?? false,
    notActionsHaveTokens: statement.notAction?.some(hasSubToken) ?? false,
    // IAM rejects an identity statement without Resource; counting it as `*` keeps a malformed
    // policy from producing findings that are about something else.
    resources: hasNeither ? ANY_RESOURCE : statement.resource,
    notResources: statement.notResource,
    undecidable: statement.unresolved === true || statement.conditional === true
  };
  compiledStatements.set(statement, compiled);
  return compiled;
}
function hasSubToken(text) {
  for (let at = text.indexOf("${"); at >= 0; at = text.indexOf("${", at + 2)) {
    if (text.charCodeAt(at + 2) !== 33 && text.indexOf("}", at + 2) > 0) return true;
  }
  return false;
}
function actionLevel(compiled, action) {
  if ((compiled.actions?.length ?? compiled.notActions?.length ?? 0) === 0) return compiled.undecidable ? MAYBE2 : NO2;
  if (compiled.actions) {
    for (const pattern of compiled.actions) if (matchesAction(pattern, action)) return YES2;
    return compiled.actionsHaveTokens ? MAYBE2 : NO2;
  }
  for (const pattern of compiled.notActions ?? []) {
    if (matchesAction(pattern, action)) return NO2;
  }
  return compiled.notActionsHaveTokens ? MAYBE2 : YES2;
}
function resourceLevel(compiled, resource, options) {
  if (compiled.resources) {
    if (compiled.resources.length === 0) return compiled.undecidable ? MAYBE2 : NO2;
    let best = NO2;
    for (const pattern of compiled.resources) {
      const level = FROM_MATCH2[matchResource(pattern, resource, options)];
      if (level > best) best = level;
      if (best === YES2) break;
    }
    return best;
  }
  let worst = YES2;
  for (const pattern of compiled.notResources ?? []) {
    const level = YES2 - FROM_MATCH2[matchResource(pattern, resource, options)];
    if (level < worst) worst = level;
    if (worst === NO2) break;
  }
  return worst;
}
function evaluateDocuments(documents, request, options) {
  const allowing = [];
  let deny;
  for (const document of documents) {
    for (const statement of document.statements) {
      const compiled = compileStatement(statement);
      if (!compiled.identity) continue;
      if (statement.effect === "Deny") {
        if (deny || compiled.undecidable) continue;
        if (actionLevel(compiled, request.action) !== YES2) continue;
        if (resourceLevel(compiled, request.resource, options) !== YES2) continue;
        if (conditionsOf(statement, request, options) === "true") deny = statement;
        continue;
      }
      const action = actionLevel(compiled, request.action);
      if (action === NO2) continue;
      const resource = resourceLevel(compiled, request.resource, options);
      if (resource === NO2) continue;
      const conditions = conditionsOf(statement, request, options);
      if (conditions === "false") continue;
      let level = action < resource ? action : resource;
      if (compiled.undecidable && level > MAYBE2) level = MAYBE2;
      allowing.push({ statement, level, undecidedCondition: conditions === "unknown" });
    }
  }
  allowing.sort((a, b) => b.level - a.level || Number(a.undecidedCondition) - Number(b.undecidedCondition));
  const best = allowing[0];
  if (deny) return { level: NO2, reliesOnUndecidedCondition: false, allowing, deny };
  return { level: best?.level ?? NO2, reliesOnUndecidedCondition: best?.undecidedCondition ?? false, allowing };
}
function conditionsOf(statement, request, options) {
  return statement.conditions.length === 0 ? "true" : evaluateConditions(statement.conditions, request.context, options);
}
function evaluateAccess(policies, request, options) {
  const identity = evaluateDocuments(policies, request, options);
  const allowingStatements = identity.allowing.map((candidate) => candidate.statement);
  const boundary = options?.boundary;
  let level = identity.level;
  let relies = identity.reliesOnUndecidedCondition;
  let denyingStatement = identity.deny;
  let blockedByBoundary = false;
  if (boundary === "unknown") {
    if (level > MAYBE2) level = MAYBE2;
  } else if (boundary !== void 0) {
    const limit = evaluateDocuments(boundary, request, options);
    if (limit.level < level) {
      blockedByBoundary = limit.level === NO2;
      level = limit.level;
      if (blockedByBoundary) denyingStatement = limit.deny;
    }
    relies ||= limit.reliesOnUndecidedCondition;
  }
  return {
    allowed: LEVEL_NAMES[level],
    reliesOnUndecidedCondition: level !== NO2 && relies,
    allowingStatements,
    denyingStatement,
    blockedByBoundary
  };
}
function evaluateTrust(trust, principal, action = "sts:AssumeRole") {
  const service = principal.service.toLowerCase();
  const allowing = [];
  let denyingStatement;
  for (const statement of trust.statements) {
    const compiled = compileStatement(statement);
    const principalLevel = trustPrincipalLevel(statement, service);
    if (principalLevel === NO2) continue;
    const actionMatch = actionLevel(compiled, action);
    if (actionMatch === NO2) continue;
    if (statement.effect === "Deny") {
      const certain = principalLevel === YES2 && actionMatch === YES2 && !compiled.undecidable && statement.conditions.length === 0;
      if (certain) denyingStatement ??= statement;
      continue;
    }
    let level2 = principalLevel < actionMatch ? principalLevel : actionMatch;
    if (compiled.undecidable && level2 > MAYBE2) level2 = MAYBE2;
    allowing.push({ statement, level: level2, undecidedCondition: false });
  }
  allowing.sort((a, b) => b.level - a.level);
  const statements = allowing.map((candidate) => candidate.statement);
  const level = denyingStatement ? NO2 : allowing[0]?.level ?? NO2;
  return { trusts: LEVEL_NAMES[level], statements, denyingStatement };
}
function trustPrincipalLevel(statement, service) {
  if (statement.principal) return principalNames(statement.principal, service);
  if (statement.notPrincipal) return YES2 - principalNames(statement.notPrincipal, service);
  return NO2;
}
function principalNames(principal, service) {
  if (principal.any) return YES2;
  let best = NO2;
  for (const entry of principal.service) {
    if (entry.toLowerCase() === service) return YES2;
    if (hasNonPseudoToken(entry)) best = MAYBE2;
  }
  return best;
}
function hasNonPseudoToken(text) {
  for (let at = text.indexOf("${"); at >= 0; at = text.indexOf("${", at + 2)) {
    const next = text.charCodeAt(at + 2);
    if (next !== 33 && !text.startsWith("AWS::", at + 2) && text.indexOf("}", at + 2) > 0) return true;
  }
  return false;
}

// src/core/rules/role-grants.ts
function checkRoleGrants(role, actions, resources, config, context) {
  if (role.assumeCompliant) return actions.map((action) => ({ action, state: "yes", reliesOnCondition: false }));
  const { documents, unknownPolicyArns } = identityPolicies(role);
  const partition = config.region ? void 0 : "aws";
  const boundary = role.boundary ? role.boundary.document ? [role.boundary.document] : "unknown" : void 0;
  return actions.map((action) => {
    let best = { action, state: "no", reliesOnCondition: false };
    for (const resource of resources.length ? resources : ["*"]) {
      const decision = evaluateAccess(documents, { action, resource, context }, { account: config.account, region: config.region, partition, boundary });
      const state = decision.allowed;
      if (rank(state) > rank(best.state) || state === best.state && !decision.reliesOnUndecidedCondition && best.reliesOnCondition) {
        best = { action, state, reliesOnCondition: decision.reliesOnUndecidedCondition, denyingStatement: decision.denyingStatement };
      } else if (best.state === "no" && !best.denyingStatement && decision.denyingStatement) {
        best.denyingStatement = decision.denyingStatement;
      }
    }
    if (best.state === "no" && unknownPolicyArns.length && !best.denyingStatement) best.state = "maybe";
    return best;
  });
}
function rank(state) {
  return state === "yes" ? 2 : state === "maybe" ? 1 : 0;
}
function missingGrants(grants) {
  return {
    definite: grants.filter((g) => g.state === "no").map((g) => g.action),
    uncertain: grants.filter((g) => g.state === "maybe").map((g) => g.action)
  };
}

// src/core/model/image-reference.ts
var token = String.raw`\$\{[^}]+\}`;
var tokenPattern = new RegExp(token);
var leadingTokenPattern = new RegExp(`^${token}`);
function escapeForPattern(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function hasToken(text) {
  return tokenPattern.test(text);
}
function partitionOfRegion2(region) {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  if (region.startsWith("us-isob-")) return "aws-iso-b";
  if (region.startsWith("us-isof-")) return "aws-iso-f";
  if (region.startsWith("eu-isoe-")) return "aws-iso-e";
  if (region.startsWith("us-iso-")) return "aws-iso";
  if (region.startsWith("eusc-")) return "aws-eusc";
  return "aws";
}
var regionPattern2 = String.raw`[a-z]{2,4}(?:-[a-z]+)+-\d+`;
var ipv4Suffixes = {
  "amazonaws.com": "aws",
  "amazonaws.com.cn": "aws-cn",
  "amazonaws.eu": "aws-eusc",
  "c2s.ic.gov": "aws-iso",
  "sc2s.sgov.gov": "aws-iso-b",
  "cloud.adc-e.uk": "aws-iso-e",
  "csp.hci.ic.gov": "aws-iso-f"
};
var dualStackSuffixes = {
  "on.aws": "aws",
  "on.amazonwebservices.com.cn": "aws-cn",
  "on.amazonwebservices.eu": "aws-eusc",
  "amazonwebservices.eu": "aws-eusc",
  "on.aws.ic.gov": "aws-iso",
  "on.aws.scloud": "aws-iso-b",
  "on.cloud-aws.adc-e.uk": "aws-iso-e",
  "on.aws.hci.ic.gov": "aws-iso-f"
};
function alternatives(suffixes) {
  return Object.keys(suffixes).sort((a, b) => b.length - a.length).map(escapeForPattern).join("|");
}
var repositoryComponent = String.raw`[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*`;
var repositoryPattern = String.raw`${repositoryComponent}(?:/${repositoryComponent})*`;
var tagPattern = String.raw`[A-Za-z0-9_][A-Za-z0-9_.#-]{0,299}`;
var digestPattern = String.raw`sha256:[A-Fa-f0-9]{64}`;
function ecrHostPattern(registry, region, ipv4Suffix) {
  return String.raw`(?<registry>${registry})\.(?:` + String.raw`dkr\.ecr(?<fips>-fips)?\.(?<region>${region})\.(?<suffix>${ipv4Suffix})` + String.raw`|dkr-ecr(?<dsFips>-fips)?\.(?<dsRegion>${region})\.(?<dsSuffix>${alternatives(dualStackSuffixes)}))`;
}
var ecrImagePattern = new RegExp(
  "^" + ecrHostPattern(String.raw`\d{12}`, regionPattern2, alternatives(ipv4Suffixes)) + String.raw`/(?<repo>${repositoryPattern})(?::(?<tag>${tagPattern}))?(?:@(?<digest>${digestPattern}))?$`
);
var ecrImageTemplatePattern = new RegExp(
  "^" + ecrHostPattern(String.raw`\d{12}|${token}`, `${regionPattern2}|${token}`, `${alternatives(ipv4Suffixes)}|${token}`) + String.raw`/(?<repo>(?:[a-z0-9]|${token})(?:[a-z0-9._/-]|${token})*)` + String.raw`(?::(?<tag>(?:[A-Za-z0-9_.#-]|${token})+))?(?:@(?<digest>${digestPattern}|${token}))?$`
);
function toEcrImage(groups) {
  const dualStack = groups.dsRegion !== void 0;
  const region = dualStack ? groups.dsRegion : groups.region;
  const dnsSuffix = dualStack ? groups.dsSuffix : groups.suffix;
  const image = {
    registryId: groups.registry,
    region,
    partition: partitionOfEcrHost(region, dnsSuffix, dualStack),
    dnsSuffix,
    repository: groups.repo,
    dualStack,
    fips: (dualStack ? groups.dsFips : groups.fips) !== void 0
  };
  if (groups.tag !== void 0) image.tag = groups.tag;
  if (groups.digest !== void 0) image.digest = groups.digest;
  return image;
}
function partitionOfEcrHost(region, dnsSuffix, dualStack) {
  const fromSuffix = (dualStack ? dualStackSuffixes : ipv4Suffixes)[dnsSuffix];
  if (fromSuffix === void 0) {
    return hasToken(region) ? "${AWS::Partition}" : partitionOfRegion2(region);
  }
  if (fromSuffix !== "aws") return fromSuffix;
  return hasToken(region) ? "${AWS::Partition}" : partitionOfRegion2(region);
}
function parseEcrImage(image) {
  const groups = ecrImagePattern.exec(image.trim())?.groups;
  return groups ? toEcrImage(groups) : void 0;
}
function parseEcrImageTemplate(image) {
  const literal = parseEcrImage(image);
  if (literal) return literal;
  const groups = ecrImageTemplatePattern.exec(image.trim())?.groups;
  return groups ? toEcrImage(groups) : void 0;
}
var ecrHostOnlyPattern = new RegExp(
  "^" + ecrHostPattern(String.raw`\d{12}|${token}`, `${regionPattern2}|${token}`, `${alternatives(ipv4Suffixes)}|${token}`) + "$"
);
var dockerHubHosts = /* @__PURE__ */ new Set(["docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com"]);
function classifyImage(image) {
  const text = image.trim();
  if (text === "") return "unknown";
  const slash = text.indexOf("/");
  const first = slash < 0 ? "" : text.slice(0, slash);
  if (first !== "" && ecrHostOnlyPattern.test(first)) return "ecr-private";
  if (leadingTokenPattern.test(text)) return "unknown";
  if (!(first.includes(".") || first.includes(":") || first === "localhost" || hasToken(first))) return "docker-hub";
  if (hasToken(first)) return "unknown";
  const host = first.toLowerCase();
  if (host === "public.ecr.aws") return "ecr-public";
  if (dockerHubHosts.has(host)) return "docker-hub";
  return "other-registry";
}
function ecrRepositoryArn(image) {
  return `arn:${image.partition}:ecr:${image.region}:${image.registryId}:repository/${image.repository}`;
}

// src/core/rules/task-needs.ts
function privateEcrImages(task) {
  const needs = [];
  for (const container of task.containers) {
    if (!container.image) continue;
    for (const image of container.image.values) {
      if (classifyImage(image) !== "ecr-private") continue;
      const parsed = parseEcrImageTemplate(image);
      if (!parsed) continue;
      needs.push({ container, node: container.image.node, image, repositoryArn: ecrRepositoryArn(parsed) });
      break;
    }
  }
  return needs;
}
function awslogsContainers(task) {
  const needs = [];
  for (const container of task.containers) {
    const log = container.logConfiguration;
    if (!log?.driver || !log.driver.values.includes("awslogs")) continue;
    const createGroup = log.options.get("awslogs-create-group");
    needs.push({
      container,
      node: log.driver.node,
      group: log.options.get("awslogs-group"),
      region: log.options.get("awslogs-region")?.values[0] ?? "${AWS::Region}",
      createGroup: createGroup?.values.some((v) => v.toLowerCase() === "true") ?? false,
      createGroupNode: createGroup?.node
    });
  }
  return needs;
}
function secretReferences(task) {
  const needs = [];
  for (const container of task.containers) {
    for (const reference of container.secrets) needs.push({ container, reference, kind: "secret" });
    for (const reference of container.logConfiguration?.secretOptions ?? []) needs.push({ container, reference, kind: "log-secret" });
  }
  return needs;
}
function alwaysExecutionRoleNeeds(task) {
  const needs = [];
  for (const container of task.containers) {
    const name = container.name ? `container ${container.name}` : "a container";
    const first = container.secrets[0];
    if (first) needs.push({ reason: `${name} reads secrets`, node: first.node });
    const logSecret = container.logConfiguration?.secretOptions[0];
    if (logSecret) needs.push({ reason: `${name} passes secrets to its log driver`, node: logSecret.node });
    if (container.repositoryCredentials) {
      needs.push({ reason: `${name} pulls from a private registry with repository credentials`, node: container.repositoryCredentials.node });
    }
    const envFile = container.environmentFiles[0];
    if (envFile) needs.push({ reason: `${name} loads environment files from S3`, node: envFile.node });
    const configType = container.firelens?.options.get("config-file-type");
    if (configType?.values.includes("s3")) needs.push({ reason: `${name} loads its FireLens configuration from S3`, node: configType.node });
  }
  return needs;
}

// src/core/rules/ecr-pull-permissions.ts
var repositoryActions = ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"];
var ecrPullPermissions = {
  meta: {
    id: "ecr-pull-permissions",
    defaultSeverity: "error",
    description: "The role that pulls a private ECR image must allow ecr:GetAuthorizationToken on * and the three layer and image actions on the repository.",
    requirements: ["R7", "R4", "R10"],
    fixable: true
  },
  check({ repo, config, report, noteUnverifiable }) {
    for (const task of repo.taskDefinitions) {
      const images = privateEcrImages(task);
      if (images.length === 0) continue;
      const source = agentCredentialSource(repo, task);
      if (!source) continue;
      for (const text of source.externalRoles) noteUnverifiable(text, { path: task.path, node: images[0].node }, "ECR pull permissions");
      for (const image of images) {
        for (const role of source.roles) {
          const grants = [
            ...checkRoleGrants(role, ["ecr:GetAuthorizationToken"], ["*"], config),
            ...checkRoleGrants(role, repositoryActions, [image.repositoryArn], config)
          ];
          const { definite, uncertain } = missingGrants(grants);
          if (definite.length === 0 && uncertain.length === 0) continue;
          const missing = [...definite, ...uncertain];
          report({
            path: task.path,
            node: image.node,
            severity: definite.length ? "error" : "warning",
            message: `${capitalize(describeSource(source, role))} of task definition ${task.label} ${definite.length ? "does not allow" : "may not allow"} ${missing.join(", ")} needed to pull ${image.image}${definite.length ? "" : " (it depends on a value the linter cannot resolve)"}.`,
            messageId: `missing:${role.id}:${image.repositoryArn}`,
            relatedPaths: [role.path]
          });
        }
      }
    }
  }
};
function capitalize(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// src/core/rules/awslogs-permissions.ts
var logActions = ["logs:CreateLogStream", "logs:PutLogEvents"];
var awslogsPermissions = {
  meta: {
    id: "awslogs-permissions",
    defaultSeverity: "error",
    description: "The role that ships awslogs logs must allow logs:CreateLogStream and logs:PutLogEvents on the log group.",
    requirements: ["R9", "R10", "R4"],
    fixable: true
  },
  check(context) {
    const { repo, config, report, noteUnverifiable } = context;
    for (const task of repo.taskDefinitions) {
      const needs = awslogsContainers(task);
      if (needs.length === 0) continue;
      const source = agentCredentialSource(repo, task);
      if (!source) continue;
      for (const text of source.externalRoles) noteUnverifiable(text, { path: task.path, node: needs[0].node }, "awslogs permissions");
      for (const need of needs) {
        const resources = logGroupResources(need);
        for (const role of source.roles) {
          const { definite, uncertain } = missingGrants(checkRoleGrants(role, logActions, resources, config));
          if (definite.length === 0 && uncertain.length === 0) continue;
          const instanceCovers = source.kind === "execution" && instanceRolesGrant(repo, task, resources, config);
          report({
            path: task.path,
            node: need.node,
            severity: definite.length && !instanceCovers ? "error" : "warning",
            message: `${capitalize(describeSource(source, role))} of task definition ${task.label} ${definite.length ? "does not allow" : "may not allow"} ${[...definite, ...uncertain].join(", ")} on log group ${groupLabel(need)}` + (instanceCovers ? "; only the instance role allows them, which ECS uses only where the agent's execution-role override for awslogs is off." : "."),
            messageId: `missing:${role.id}:${groupLabel(need)}`,
            relatedPaths: [role.path]
          });
        }
      }
    }
  }
};
function groupLabel(need) {
  return need.group?.values[0] ?? "(no awslogs-group)";
}
function logGroupResources(need) {
  const groups = need.group?.values.length ? need.group.values : ["*"];
  return groups.flatMap((group) => {
    const arns = logGroupArns(group, need.region);
    return [arns.groupArn, arns.streamsArn];
  });
}
function instanceRolesGrant(repo, task, resources, config) {
  const roles = task.launchTypes.has("EC2") || task.launchTypes.size === 0 ? repo.instanceRolesFor(task) : [];
  return roles.some((role) => checkRoleGrants(role, logActions, resources, config).every((g) => g.state === "yes"));
}

// src/core/rules/awslogs-create-group-permission.ts
var awslogsCreateGroupPermission = {
  meta: {
    id: "awslogs-create-group-permission",
    defaultSeverity: "error",
    description: 'With awslogs-create-group "true", the role that ships the logs must allow logs:CreateLogGroup, which AmazonECSTaskExecutionRolePolicy does not.',
    requirements: ["R11"],
    fixable: true
  },
  check({ repo, config, report, noteUnverifiable }) {
    for (const task of repo.taskDefinitions) {
      const needs = awslogsContainers(task).filter((need) => need.createGroup);
      if (needs.length === 0) continue;
      const source = agentCredentialSource(repo, task);
      if (!source) continue;
      for (const text of source.externalRoles) noteUnverifiable(text, { path: task.path, node: needs[0].createGroupNode ?? needs[0].node }, "logs:CreateLogGroup");
      for (const need of needs) {
        for (const role of source.roles) {
          const { definite, uncertain } = missingGrants(checkRoleGrants(role, ["logs:CreateLogGroup"], logGroupResources(need), config));
          if (definite.length === 0 && uncertain.length === 0) continue;
          report({
            path: task.path,
            node: need.createGroupNode ?? need.node,
            severity: definite.length ? "error" : "warning",
            message: `${capitalize(describeSource(source, role))} of task definition ${task.label} ${definite.length ? "does not allow" : "may not allow"} logs:CreateLogGroup on log group ${groupLabel(need)}, which awslogs-create-group "true" needs; the task fails with ResourceInitializationError.`,
            messageId: `missing:${role.id}:${groupLabel(need)}`,
            relatedPaths: [role.path]
          });
        }
      }
    }
  }
};

// src/core/rules/ecs-tasks-trust.ts
var invalidEcsTasksPrincipal = /^ecs-tasks\.(\$\{AWS::URLSuffix\}|amazonaws\.com\.cn)$/;
var ecsTasksTrust = {
  meta: {
    id: "ecs-tasks-trust",
    defaultSeverity: "error",
    description: "A role used as a task role or execution role must allow sts:AssumeRole for the service principal ecs-tasks.amazonaws.com.",
    requirements: ["R31", "R33"],
    fixable: true
  },
  check({ repo, report }) {
    const checked = /* @__PURE__ */ new Set();
    for (const task of repo.taskDefinitions) {
      const uses = [
        { use: repo.executionRole(task), as: "execution role" },
        { use: repo.taskRole(task), as: "task role" }
      ];
      for (const { use, as } of uses) {
        for (const role of knownRoles(use)) {
          if (checked.has(role) || !role.trust) continue;
          checked.add(role);
          const trustNode = role.trust.origin?.node;
          if (!trustNode) continue;
          for (const statement of role.trust.statements) {
            for (const service of statement.principal?.service ?? []) {
              if (!invalidEcsTasksPrincipal.test(service)) continue;
              report({
                path: role.path,
                node: statement.origin?.node ?? trustNode,
                message: `Role ${role.label} trusts '${service}', which IAM rejects as an invalid principal in every partition; the ECS tasks principal is ecs-tasks.amazonaws.com, also in China.`,
                messageId: `invalid-principal:${role.id}:${service}`
              });
            }
          }
          const { trusts } = evaluateTrust(role.trust, { service: "ecs-tasks.amazonaws.com" });
          if (trusts !== "no") continue;
          const services = role.trust.statements.flatMap((s) => s.principal?.service ?? []);
          report({
            path: role.path,
            node: trustNode,
            message: `Role ${role.label} is the ${as} of task definition ${task.label} but its trust policy does not allow ecs-tasks.amazonaws.com to assume it${services.length ? ` (it trusts ${services.join(", ")})` : ""}; ECS reports "ECS was unable to assume the role".`,
            messageId: `untrusted:${role.id}`,
            relatedPaths: [task.path]
          });
        }
      }
    }
  }
};

// src/core/rules/execution-role-app-permissions.ts
var agentActions = [
  "ecr:*",
  "logs:*",
  "secretsmanager:GetSecretValue",
  "secretsmanager:DescribeSecret",
  "ssm:GetParameters",
  "ssm:GetParameter",
  "kms:Decrypt",
  "kms:DescribeKey",
  "s3:GetObject",
  "s3:GetBucketLocation",
  "sts:AssumeRole",
  "iam:GetRole",
  "iam:PassRole"
];
function isAgentAction(pattern) {
  const lower = pattern.toLowerCase();
  const service = lower.split(":")[0];
  if (service === "ecr" || service === "logs") return true;
  if (!lower.includes("*") && !lower.includes("?")) return agentActions.some((allowed) => matchesAction(allowed, pattern));
  return lower === "ssm:getparameter*" || lower === "secretsmanager:getsecretvalue*";
}
var executionRoleAppPermissions = {
  meta: {
    id: "execution-role-app-permissions",
    defaultSeverity: "warning",
    description: "The execution role should carry only what the ECS agent uses; application permissions belong on the task role, since containers never receive execution-role credentials.",
    requirements: ["R20"],
    fixable: true
  },
  check({ repo, report }) {
    const executionRoles = /* @__PURE__ */ new Set();
    const taskRoles = /* @__PURE__ */ new Set();
    for (const task of repo.taskDefinitions) {
      for (const role of knownRoles(repo.executionRole(task))) executionRoles.add(role);
      for (const role of knownRoles(repo.taskRole(task))) taskRoles.add(role);
    }
    for (const role of executionRoles) {
      if (taskRoles.has(role) || role.origin !== "template") continue;
      for (const document of [...role.inlinePolicies, ...role.attachedPolicies]) {
        for (const statement of document.statements) {
          const extra = applicationActions(statement);
          if (extra.length === 0 || !statement.origin) continue;
          report({
            path: statement.origin.path,
            node: statement.origin.node,
            message: `Execution role ${role.label} allows ${extra.slice(0, 4).join(", ")}${extra.length > 4 ? ` and ${extra.length - 4} more` : ""}, which the ECS agent never uses and containers never receive; move the statement to the task role.`,
            messageId: `app:${role.id}:${statement.sid ?? extra.join(",")}`
          });
        }
      }
      for (const managed of role.managedPolicies) {
        const extra = managed.document ? managed.document.statements.flatMap(applicationActions) : [];
        if (extra.length === 0 || !managed.node) continue;
        report({
          path: role.path,
          node: managed.node,
          message: `Execution role ${role.label} attaches ${managed.arn.split("/").pop()}, which grants ${extra.slice(0, 3).join(", ")}${extra.length > 3 ? " and more" : ""} that the ECS agent never uses; attach it to the task role instead.`,
          messageId: `app-managed:${role.id}:${managed.arn}`
        });
      }
    }
  }
};
function applicationActions(statement) {
  if (statement.effect !== "Allow") return [];
  if (statement.notAction) return [`everything except ${statement.notAction.join(", ")}`];
  return [...new Set((statement.action ?? []).filter((action) => !action.includes("${") && !isAgentAction(action)))];
}

// src/core/rules/role-not-verifiable.ts
var roleNotVerifiable = {
  meta: {
    id: "role-not-verifiable",
    defaultSeverity: "notice",
    description: "A rule needs the policies of a role defined outside the repository; declare it in config to have it checked.",
    requirements: [],
    fixable: false
  },
  // The engine collects notes from the other rules and calls buildUnverifiableFindings once.
  check() {
  }
};
function buildUnverifiableFindings(notes) {
  const byRole = /* @__PURE__ */ new Map();
  for (const note of notes) {
    const list = byRole.get(note.roleText) ?? [];
    list.push(note);
    byRole.set(note.roleText, list);
  }
  const reports = [];
  for (const [roleText, list] of byRole) {
    const first = list[0];
    const needs = [...new Set(list.map((n) => n.neededFor))];
    reports.push({
      path: first.path,
      node: first.node,
      message: `Role ${describeRole(roleText)} is defined outside the repository, so ${joinList(needs)} could not be verified; declare it under external-roles in .github/ecs-iam-lint.yml (its trust and managed policies) to have it checked.`,
      messageId: `external:${roleText}`
    });
  }
  return reports;
}
function describeRole(text) {
  if (text.startsWith("${ImportValue:")) return `imported from export ${text.slice(14, -1)}`;
  if (text === "${?}") return "given by an unresolved value";
  if (/^\$\{[^}]+\}$/.test(text)) return `given by parameter ${text.slice(2, -1)}`;
  return `'${text}'`;
}
function joinList(items) {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

// src/core/rules/execution-role-required.ts
var executionRoleRequired = {
  meta: {
    id: "execution-role-required",
    defaultSeverity: "error",
    description: "A task definition that pulls private ECR images or uses awslogs on Fargate, or uses secrets, repository credentials, environment files or S3 FireLens configuration, must name an execution role.",
    requirements: ["R7", "R9", "R12", "R13", "R14", "R15", "R16"],
    fixable: true
  },
  check({ repo, report }) {
    for (const task of repo.taskDefinitions) {
      if (!isRoleAbsent(repo.executionRole(task))) continue;
      const needs = [];
      if (isFargateLike(task)) {
        const launch = task.launchTypes.has("FARGATE") ? "Fargate" : "Managed Instances";
        for (const image of privateEcrImages(task)) {
          needs.push({ reason: `${launch} pulls the private ECR image ${image.image} with it`, node: image.node });
        }
        for (const logs of awslogsContainers(task)) {
          needs.push({ reason: `${launch} ships awslogs logs with it`, node: logs.node });
        }
      }
      needs.push(...alwaysExecutionRoleNeeds(task));
      if (needs.length === 0) continue;
      report({
        path: task.path,
        node: needs[0].node,
        message: `Task definition ${task.label} has no execution role, but ${joinList([...new Set(needs.map((n) => n.reason))])}; ECS rejects or fails the task without one.`,
        messageId: "missing-execution-role"
      });
    }
  }
};

// src/core/rules/instance-profile-missing.ts
var instanceProfileMissing = {
  meta: {
    id: "instance-profile-missing",
    defaultSeverity: "error",
    description: "EC2 capacity that joins an ECS cluster must have an instance profile holding a role, or the ECS agent gets no credentials and never registers.",
    requirements: ["R1"],
    fixable: true
  },
  check({ repo, report }) {
    for (const capacity of repo.capacity) {
      const what = `${capacity.resource.type.split("::").pop()} ${capacity.resource.logicalId}`;
      if (!capacity.profileNode) {
        report({
          path: capacity.template.path,
          node: capacity.resource.properties ?? capacity.resource.node,
          message: `${what} runs ECS container instances (${capacity.reason}) but sets no IamInstanceProfile; the ECS agent fails with NoCredentialProviders and the instances never join the cluster.`,
          messageId: `no-profile:${capacity.resource.logicalId}`
        });
        continue;
      }
      if (!capacity.profileLogicalId) continue;
      const { roleLogicalIds, roleNames, rolesNode } = instanceProfileRoles(capacity.template, capacity.profileLogicalId);
      if (roleLogicalIds.length + roleNames.length > 0) continue;
      const profile = capacity.template.resources.get(capacity.profileLogicalId);
      report({
        path: capacity.template.path,
        node: rolesNode ?? profile.properties ?? profile.node,
        message: `Instance profile ${capacity.profileLogicalId} used by ${what} holds no role; the ECS agent gets no credentials and the instances never join the cluster.`,
        messageId: `empty-profile:${capacity.profileLogicalId}`
      });
    }
  }
};

// src/core/rules/instance-role-agent-permissions.ts
var clusterArn = "arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:cluster/${ECSCluster}";
var instanceArn = "arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:container-instance/${ECSCluster}/${ContainerInstanceId}";
var required = [
  ["ecs:DiscoverPollEndpoint", "*"],
  ["ecs:RegisterContainerInstance", clusterArn],
  ["ecs:Poll", instanceArn],
  ["ecs:SubmitTaskStateChange", clusterArn],
  ["ecs:SubmitContainerStateChange", clusterArn],
  ["ecs:SubmitAttachmentStateChanges", clusterArn]
];
var recommended = [
  ["ecs:StartTelemetrySession", instanceArn],
  ["ecs:UpdateContainerInstancesState", instanceArn]
];
function consequences(missing) {
  const effects = [];
  if (missing.includes("ecs:StartTelemetrySession")) effects.push("the agent sends no container metrics");
  if (missing.includes("ecs:UpdateContainerInstancesState")) effects.push("the agent cannot drain Spot instances before they are reclaimed");
  return effects.join(" and ");
}
var instanceRoleAgentPermissions = {
  meta: {
    id: "instance-role-agent-permissions",
    defaultSeverity: "error",
    description: "The container instance role must allow the ECS agent calls: ecs:DiscoverPollEndpoint, RegisterContainerInstance, Poll and Submit* (error), StartTelemetrySession and UpdateContainerInstancesState (warning).",
    requirements: ["R2"],
    fixable: true
  },
  check({ repo, config, report }) {
    const checked = /* @__PURE__ */ new Set();
    for (const capacity of repo.capacity) {
      for (const role of repo.instanceRolesOf(capacity)) {
        if (checked.has(role)) continue;
        checked.add(role);
        const anchor = roleAnchor(role);
        if (!anchor) continue;
        const check = (list) => list.flatMap(([action, resource]) => checkRoleGrants(role, [action], [resource], config));
        const essential = missingGrants(check(required));
        const optional = missingGrants(check(recommended));
        if (essential.definite.length || essential.uncertain.length) {
          const missing = [...essential.definite, ...essential.uncertain];
          report({
            path: role.path,
            node: anchor,
            severity: essential.definite.length ? "error" : "warning",
            message: `Container instance role ${role.label} ${essential.definite.length ? "does not allow" : "may not allow"} ${missing.join(", ")}; the ECS agent cannot register the instance or report task state. Attach AmazonEC2ContainerServiceforEC2Role.`,
            messageId: `missing-required:${role.id}`
          });
        }
        const optionalMissing = [...optional.definite, ...optional.uncertain];
        if (optionalMissing.length) {
          report({
            path: role.path,
            node: anchor,
            severity: "warning",
            message: `Container instance role ${role.label} does not allow ${optionalMissing.join(", ")}; ${consequences(optionalMissing)}.`,
            messageId: `missing-recommended:${role.id}`
          });
        }
      }
    }
  }
};

// src/core/rules/instance-role-trust.ts
var instanceRoleTrust = {
  meta: {
    id: "instance-role-trust",
    defaultSeverity: "error",
    description: "The role inside a container instance profile must allow ec2.amazonaws.com to assume it.",
    requirements: ["R1", "R34"],
    fixable: true
  },
  check({ repo, report }) {
    const checked = /* @__PURE__ */ new Set();
    for (const capacity of repo.capacity) {
      for (const role of repo.instanceRolesOf(capacity)) {
        if (checked.has(role) || !role.trust?.origin) continue;
        checked.add(role);
        const global = evaluateTrust(role.trust, { service: "ec2.amazonaws.com" }).trusts;
        const china = evaluateTrust(role.trust, { service: "ec2.amazonaws.com.cn" }).trusts;
        if (global !== "no" || china !== "no") continue;
        const services = role.trust.statements.flatMap((s) => s.principal?.service ?? []);
        report({
          path: role.path,
          node: role.trust.origin.node,
          message: `Role ${role.label} is the container instance role of ${capacity.resource.logicalId} but its trust policy does not allow ec2.amazonaws.com to assume it${services.length ? ` (it trusts ${services.join(", ")})` : ""}; the ECS agent gets no credentials.`,
          messageId: `untrusted:${role.id}`,
          relatedPaths: [capacity.template.path]
        });
      }
    }
  }
};

// src/core/rules/parse-error.ts
var parseError = {
  meta: {
    id: "parse-error",
    defaultSeverity: "error",
    description: "A CloudFormation template or task definition cannot be parsed, so nothing in it can be checked.",
    requirements: [],
    fixable: false
  },
  check({ repo, report }) {
    for (const file of repo.files) {
      if (!file.error) continue;
      report({
        path: file.source.path,
        node: { kind: "scalar", value: null, style: "plain", startOffset: file.error.startOffset, endOffset: file.error.endOffset },
        message: `Cannot parse ${file.kind === "task-definition" ? "task definition" : "template"}: ${file.error.message}.`.replace(/\.\.$/, "."),
        messageId: "parse"
      });
    }
  }
};

// src/core/rules/role-arn-expected.ts
var roleArnExpected = {
  meta: {
    id: "role-arn-expected",
    defaultSeverity: "warning",
    description: "ExecutionRoleArn should be the role's ARN (!GetAtt Role.Arn); Ref of an AWS::IAM::Role gives its name.",
    requirements: [],
    fixable: true
  },
  check({ repo, report }) {
    for (const task of repo.taskDefinitions) {
      const execution = repo.executionRole(task);
      if (!execution || task.source !== "template") continue;
      for (const option of execution.options) {
        if (option.kind !== "role" || !option.byName || option.role.template !== task.template) continue;
        const logicalId = option.role.resource?.logicalId;
        report({
          path: task.path,
          node: execution.node,
          message: `ExecutionRoleArn of task definition ${task.label} is Ref ${logicalId}, which returns the role name, not its ARN; use !GetAtt ${logicalId}.Arn.`,
          messageId: `ref:${logicalId}`
        });
      }
    }
  }
};

// src/core/model/secret-reference.ts
var token2 = String.raw`\$\{[^}]+\}`;
var leadingTokenPattern2 = new RegExp(`^${token2}`);
var partitionOrToken = String.raw`aws(?:-cn|-us-gov|-eusc|-iso(?:-[bef])?)?|${token2}`;
var regionOrToken = String.raw`[a-z0-9-]+|${token2}`;
var accountOrToken = String.raw`\d{12}|${token2}`;
var secretsManagerArnPattern = new RegExp(
  String.raw`^arn:(?<partition>${partitionOrToken}):secretsmanager:(?<region>${regionOrToken}):(?<account>${accountOrToken}):secret:` + String.raw`(?<name>(?:[A-Za-z0-9/_+=.@-]|${token2})+?)(?<suffix>-[A-Za-z0-9]{6})?` + String.raw`(?::(?<jsonKey>[^:]*):(?<versionStage>[^:]*):(?<versionId>[^:]*))?$`
);
var ssmParameterArnPattern = new RegExp(
  String.raw`^arn:(?<partition>aws[a-z-]*|${token2}):ssm:(?<region>${regionOrToken}):(?<account>${accountOrToken}):` + String.raw`parameter(?<separator>[/:])(?<name>(?:[A-Za-z0-9_.\-/]|${token2})+)$`
);
var ssmNamePattern = new RegExp(String.raw`^/?(?:[A-Za-z0-9_.\-]|${token2})+(?:/(?:[A-Za-z0-9_.\-]|${token2})+)*$`);
var secretNamePattern = new RegExp(String.raw`^(?:[A-Za-z0-9/_+=.@-]|${token2})+$`);
var arnServicePattern = new RegExp(String.raw`^arn:(?:${token2}|[^:]*):(?<service>[^:]*):`);
var secretsManagerReferencePrefix = "/aws/reference/secretsmanager/";
function judgeRandomSuffix(suffix, name) {
  if (suffix === void 0) return /\}$/.test(name) ? "unknown" : false;
  const letters = suffix.slice(1);
  const random = /[A-Z]/.test(letters) && /[a-z]/.test(letters) && !/^[A-Z][a-z0-9]*$/.test(letters);
  return random ? true : "unknown";
}
function buildSecretsManagerReference(fields, bareName) {
  const hasRandomSuffix = judgeRandomSuffix(fields.suffix, fields.name);
  const fullName = fields.name + (fields.suffix ?? "");
  return {
    kind: "secretsmanager",
    secretArn: `arn:${fields.partition}:secretsmanager:${fields.region}:${fields.account}:secret:${fullName}`,
    name: hasRandomSuffix === true ? fields.name : fullName,
    hasRandomSuffix,
    partition: fields.partition,
    region: fields.region,
    account: fields.account,
    bareName
  };
}
function splitSecretName(secretName) {
  const match = /^(?<name>.+?)(?<suffix>-[A-Za-z0-9]{6})?$/.exec(secretName).groups;
  return match.suffix === void 0 ? { name: match.name } : { name: match.name, suffix: match.suffix };
}
function buildSsmReference(fields, bareName, malformedColonForm) {
  const withoutLeadingSlash = fields.name.replace(/^\/+/, "");
  const reference = {
    kind: "ssm",
    parameterArn: `arn:${fields.partition}:ssm:${fields.region}:${fields.account}:parameter/${withoutLeadingSlash}`,
    name: fields.name,
    bareName,
    partition: fields.partition,
    region: fields.region,
    account: fields.account,
    referencesSecretsManager: false,
    malformedColonForm
  };
  const absoluteName = "/" + withoutLeadingSlash;
  if (absoluteName.startsWith(secretsManagerReferencePrefix) && absoluteName.length > secretsManagerReferencePrefix.length) {
    reference.referencesSecretsManager = true;
    reference.referencedSecret = buildSecretsManagerReference(
      { ...fields, ...splitSecretName(absoluteName.slice(secretsManagerReferencePrefix.length)) },
      true
    );
  }
  return reference;
}
var invalidValueFrom = "supported values are either the full ARN of the Secrets Manager secret or the full ARN of the parameter in the SSM Parameter Store";
function classifySecretReference(valueFrom, context = {}) {
  const value = valueFrom.trim();
  if (value === "") return { kind: "invalid", reason: `the value is empty; ${invalidValueFrom}` };
  if (leadingTokenPattern2.test(value)) {
    return { kind: "unknown", reason: "the value starts with a reference that is resolved only at deployment" };
  }
  const partition = context.partition ?? "${AWS::Partition}";
  const region = context.region ?? "${AWS::Region}";
  const account = context.account ?? "${AWS::AccountId}";
  if (value.startsWith("arn:")) {
    const service = arnServicePattern.exec(value)?.groups?.service;
    if (service === "secretsmanager") {
      const groups = secretsManagerArnPattern.exec(value)?.groups;
      if (!groups) {
        return {
          kind: "invalid",
          reason: "malformed Secrets Manager secret ARN; expected arn:<partition>:secretsmanager:<region>:<account>:secret:<name>, optionally followed by :<json-key>:<version-stage>:<version-id>"
        };
      }
      const reference = buildSecretsManagerReference(
        {
          partition: groups.partition,
          region: groups.region,
          account: groups.account,
          name: groups.name,
          ...groups.suffix === void 0 ? {} : { suffix: groups.suffix }
        },
        false
      );
      if (groups.jsonKey !== void 0) {
        reference.jsonKey = groups.jsonKey;
        reference.versionStage = groups.versionStage;
        reference.versionId = groups.versionId;
      }
      return reference;
    }
    if (service === "ssm") {
      const groups = ssmParameterArnPattern.exec(value)?.groups;
      if (!groups) {
        return {
          kind: "invalid",
          reason: "malformed SSM parameter ARN; expected arn:<partition>:ssm:<region>:<account>:parameter/<name>"
        };
      }
      return buildSsmReference(
        { partition: groups.partition, region: groups.region, account: groups.account, name: groups.name },
        false,
        groups.separator === ":"
      );
    }
    return { kind: "invalid", reason: `an ARN of service '${service ?? ""}'; ${invalidValueFrom}` };
  }
  if (context.bareNameKind === "secretsmanager") {
    if (!secretNamePattern.test(value)) {
      return { kind: "invalid", reason: `'${value}' is neither a secret name nor a secret ARN` };
    }
    return buildSecretsManagerReference({ partition, region, account, ...splitSecretName(value) }, true);
  }
  if (!ssmNamePattern.test(value)) {
    return { kind: "invalid", reason: `'${value}' is not a valid SSM parameter name; ${invalidValueFrom}` };
  }
  return buildSsmReference({ partition, region, account, name: value }, true, false);
}
function secretResourceCandidates(reference) {
  if (reference.hasRandomSuffix === true) return [reference.secretArn];
  return [reference.secretArn, `${reference.secretArn}-AbCdEf`];
}

// src/core/rules/secrets-permissions.ts
var secretsPermissions = {
  meta: {
    id: "secrets-permissions",
    defaultSeverity: "error",
    description: "The execution role must allow secretsmanager:GetSecretValue or ssm:GetParameters on every secret and parameter the task definition references, and kms:Decrypt on a customer managed key that encrypts one.",
    requirements: ["R12", "R13", "R14", "R17"],
    fixable: true
  },
  check(context) {
    const { repo, config, report, noteUnverifiable } = context;
    for (const task of repo.taskDefinitions) {
      const accesses = collectAccesses(context, task);
      if (accesses.length === 0) continue;
      const source = executionRoleSource(repo, task);
      if (!source) continue;
      for (const text of source.externalRoles) noteUnverifiable(text, { path: task.path, node: accesses[0].node }, "secret access");
      for (const access of accesses) {
        for (const role of source.roles) {
          const grants = access.requirements.flatMap((r) => checkRoleGrants(role, [r.action], r.resources, config));
          const { definite, uncertain } = missingGrants(grants);
          if (definite.length === 0 && uncertain.length === 0) continue;
          report({
            path: task.path,
            node: access.node,
            severity: definite.length ? "error" : "warning",
            message: `Execution role ${role.label} of task definition ${task.label} ${definite.length ? "does not allow" : "may not allow"} ${[.../* @__PURE__ */ new Set([...definite, ...uncertain])].join(", ")} on ${access.what}${definite.length ? "" : " (it depends on a value the linter cannot resolve)"}; the task fails to start with ResourceInitializationError.`,
            messageId: `missing:${role.id}:${access.valueFrom}`,
            relatedPaths: [role.path]
          });
        }
      }
    }
  }
};
function collectAccesses(context, task) {
  const accesses = [];
  const accountRegion = { account: context.config.account, region: context.config.region };
  const add = (valueFrom, node, registryCredentials) => {
    const reference = classifySecretReference(valueFrom, accountRegion);
    if (reference.kind === "unknown") {
      const access = tokenReferenceAccess(task, valueFrom, node);
      if (access) accesses.push(access);
      return;
    }
    if (reference.kind === "invalid") {
      context.report({
        path: task.path,
        node,
        message: `Task definition ${task.label} references '${valueFrom}', which is neither a Secrets Manager secret ARN nor an SSM parameter ARN or name (${reference.reason}).`,
        messageId: `invalid:${valueFrom}`
      });
      return;
    }
    if (reference.kind === "secretsmanager") {
      accesses.push({
        valueFrom,
        node,
        what: `secret ${reference.name.replace(/-\$\{[^}]+\.Suffix\}$/, "")}`,
        requirements: [{ action: "secretsmanager:GetSecretValue", resources: secretResourceCandidates(reference) }]
      });
    } else if (registryCredentials) {
      const secretArn = `arn:\${AWS::Partition}:secretsmanager:${context.config.region ?? "${AWS::Region}"}:${context.config.account ?? "${AWS::AccountId}"}:secret:${valueFrom}`;
      accesses.push({ valueFrom, node, what: `secret ${valueFrom}`, requirements: [{ action: "secretsmanager:GetSecretValue", resources: [secretArn, `${secretArn}-AbCdEf`] }] });
    } else {
      const requirements = [{ action: "ssm:GetParameters", resources: [reference.parameterArn] }];
      if (reference.referencesSecretsManager) {
        const secretName = reference.name.replace(/^\/?aws\/reference\/secretsmanager\//, "");
        const secretArn = `arn:\${AWS::Partition}:secretsmanager:${context.config.region ?? "${AWS::Region}"}:${context.config.account ?? "${AWS::AccountId}"}:secret:${secretName}`;
        requirements.push({ action: "secretsmanager:GetSecretValue", resources: [secretArn, `${secretArn}-AbCdEf`] });
      }
      accesses.push({ valueFrom, node, what: `parameter ${reference.name}`, requirements });
    }
    const key = customerManagedKeyOf(task, valueFrom);
    if (key) accesses[accesses.length - 1].requirements.push({ action: "kms:Decrypt", resources: [key] });
  };
  for (const need of secretReferences(task)) for (const value of need.reference.valueFrom.values) add(value, need.reference.node, false);
  for (const container of task.containers) {
    for (const value of container.repositoryCredentials?.values ?? []) add(value, container.repositoryCredentials.node, true);
  }
  return accesses;
}
function tokenReferenceAccess(task, valueFrom, node) {
  const match = /^\$\{([A-Za-z0-9]+)\}$/.exec(valueFrom);
  const resource = match ? task.template?.resources.get(match[1]) : void 0;
  if (resource?.type === "AWS::SecretsManager::Secret") {
    return { valueFrom, node, what: `secret ${resource.logicalId}`, requirements: [{ action: "secretsmanager:GetSecretValue", resources: [valueFrom] }] };
  }
  if (resource?.type === "AWS::SSM::Parameter") {
    const arn2 = `arn:\${AWS::Partition}:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter/${valueFrom}`;
    return { valueFrom, node, what: `parameter ${resource.logicalId}`, requirements: [{ action: "ssm:GetParameters", resources: [arn2] }] };
  }
  return void 0;
}
function customerManagedKeyOf(task, valueFrom) {
  const template = task.template;
  if (!template) return void 0;
  const match = /\$\{([A-Za-z0-9]+)(?:\.Suffix)?\}/.exec(valueFrom);
  const resource = match ? template.resources.get(match[1]) : void 0;
  if (resource?.type !== "AWS::SecretsManager::Secret") return void 0;
  const keyNode = getValue(resource.properties, "KmsKeyId");
  if (!keyNode) return void 0;
  const key = resolveStrings({ template }, keyNode)[0];
  if (!key || key.startsWith("alias/aws/")) return void 0;
  const keyRef = /^\$\{([A-Za-z0-9]+)\}$/.exec(key);
  if (keyRef && template.resources.get(keyRef[1])?.type === "AWS::KMS::Key") return `\${${keyRef[1]}.Arn}`;
  return key;
}

// src/core/rules/service-role-with-awsvpc.ts
var serviceRoleWithAwsvpc = {
  meta: {
    id: "service-role-with-awsvpc",
    defaultSeverity: "error",
    description: "AWS::ECS::Service.Role may only be set with a load balancer and a non-awsvpc task definition; with awsvpc, Fargate, service registries, an external deployment controller, several load balancers or no load balancer ECS rejects it.",
    requirements: ["R36"],
    fixable: true
  },
  check({ repo, report }) {
    for (const service of repo.services) {
      if (!service.roleNode) continue;
      const task = service.taskDefinitionLogicalId ? repo.taskDefinitions.find((t) => t.template === service.template && t.resource?.logicalId === service.taskDefinitionLogicalId) : void 0;
      const reasons = [];
      if (task?.networkMode === "awsvpc") reasons.push(`its task definition ${task.label} uses the awsvpc network mode`);
      if (service.launchType === "FARGATE" || service.capacityProviders.some((p) => p.startsWith("FARGATE"))) reasons.push("it runs on Fargate");
      if (service.hasServiceRegistries) reasons.push("it uses service registries");
      if (service.deploymentControllerType === "EXTERNAL") reasons.push("it uses an external deployment controller");
      if (service.loadBalancers.length > 1) reasons.push("it has several load balancers");
      if (service.loadBalancers.length === 0 && !getEntry(service.properties, "LoadBalancers")) reasons.push("it has no load balancer");
      if (reasons.length === 0) continue;
      report({
        path: service.template.path,
        node: service.roleNode,
        message: `Service ${service.resource.logicalId} sets Role although ${reasons.join(" and ")}; ECS rejects it with "You cannot specify an IAM role for services that require a service linked role." Remove the property.`,
        messageId: `service-role:${service.resource.logicalId}`
      });
    }
  }
};

// src/core/rules/shared-task-execution-role.ts
var sharedTaskExecutionRole = {
  meta: {
    id: "shared-task-execution-role",
    defaultSeverity: "notice",
    description: "Using one role as both task role and execution role gives the application the agent's permissions and the agent the application's; it works but breaks least privilege.",
    requirements: ["R20"],
    fixable: false
  },
  check({ repo, report }) {
    for (const task of repo.taskDefinitions) {
      const execution = repo.executionRole(task);
      const taskRole = repo.taskRole(task);
      if (!execution || !taskRole) continue;
      const shared = knownRoles(taskRole).find((role) => knownRoles(execution).includes(role));
      const sharedText = externalRoleTexts(taskRole).find((text) => externalRoleTexts(execution).includes(text));
      const name = shared?.label ?? sharedText;
      if (!name) continue;
      report({
        path: task.path,
        node: taskRole.node,
        message: `Task definition ${task.label} uses ${name} as both task role and execution role; the application receives the agent's ECR, logs and secrets permissions. Use a separate task role.`,
        messageId: `shared:${name}`
      });
    }
  }
};

// src/core/rules/index.ts
var allRules = [
  parseError,
  executionRoleRequired,
  ecrPullPermissions,
  awslogsPermissions,
  awslogsCreateGroupPermission,
  secretsPermissions,
  ecsTasksTrust,
  instanceProfileMissing,
  instanceRoleTrust,
  instanceRoleAgentPermissions,
  executionRoleAppPermissions,
  sharedTaskExecutionRole,
  serviceRoleWithAwsvpc,
  roleArnExpected,
  roleNotVerifiable
];

// src/core/rules/node-path.ts
var indexes = /* @__PURE__ */ new WeakMap();
function buildIndex(root) {
  const index = /* @__PURE__ */ new WeakMap();
  const stack = [[root, []]];
  while (stack.length) {
    const [node, path] = stack.pop();
    if (index.has(node)) continue;
    index.set(node, path);
    if (node.kind === "map") {
      for (const entry of node.entries) {
        index.set(entry.keyNode, [...path, entry.key]);
        stack.push([entry.value, [...path, entry.key]]);
      }
    } else if (node.kind === "seq") {
      node.items.forEach((item, i) => stack.push([item, [...path, i]]));
    }
  }
  return index;
}
function findNodePath(root, node) {
  if (!root) return [];
  let index = indexes.get(root);
  if (!index) {
    index = buildIndex(root);
    indexes.set(root, index);
  }
  return index.get(node) ?? [];
}

// src/core/lint.ts
var ruleMetas = allRules.map((rule) => rule.meta);
function lint(files, config, options = {}) {
  const parsed = files.map((file) => parseFile(file.path, file.text, config.limits));
  const byPath = new Map(parsed.map((file) => [file.source.path, file]));
  const repo = new Repository(parsed, config, options.configPath);
  const findings = [];
  const notes = [];
  for (const rule of allRules) {
    if (config.rules[rule.meta.id] === "off") continue;
    const context = {
      repo,
      config,
      report: (report) => findings.push(toFinding(rule.meta, report, byPath)),
      noteUnverifiable: (roleText, at, neededFor) => notes.push({ roleText, path: at.path, node: at.node, neededFor })
    };
    rule.check(context);
  }
  if (config.rules[roleNotVerifiable.meta.id] !== "off") {
    for (const report of buildUnverifiableFindings(notes)) findings.push(toFinding(roleNotVerifiable.meta, report, byPath));
  }
  const kept = findings.filter((finding) => !isSuppressed(finding, byPath.get(finding.path)));
  for (const finding of kept) {
    const setting = config.rules[finding.ruleId];
    if (setting && setting !== "off") finding.severity = setting;
  }
  kept.sort(
    (a, b) => a.path.localeCompare(b.path) || a.startOffset - b.startOffset || severityRank[b.severity] - severityRank[a.severity] || a.ruleId.localeCompare(b.ruleId) || a.messageId.localeCompare(b.messageId)
  );
  return { findings: dedupe(kept), files: new Map(parsed.map((file) => [file.source.path, file.source])), parsed };
}
function toFinding(meta, report, files) {
  const file = files.get(report.path);
  const finding = {
    ruleId: meta.id,
    severity: report.severity ?? meta.defaultSeverity,
    message: report.message,
    messageId: report.messageId,
    path: report.path,
    startOffset: report.node.startOffset,
    endOffset: report.node.endOffset,
    nodePath: findNodePath(file?.root, report.node),
    fixes: report.fixes ?? []
  };
  const related = (report.relatedPaths ?? []).filter((p) => p !== report.path);
  if (related.length) finding.relatedPaths = [...new Set(related)];
  return finding;
}
function isSuppressed(finding, file) {
  if (!file || file.kind !== "cfn-template" || finding.ruleId === "parse-error") return false;
  const ignored = (metadata) => {
    const ignore = metadata?.["ecs-iam-lint"]?.ignore;
    return Array.isArray(ignore) ? ignore.includes(finding.ruleId) : ignore === finding.ruleId;
  };
  const root = file.root;
  if (!root || root.kind !== "map") return false;
  const plainMetadata = (node) => node ? toPlainShallow(node) : void 0;
  const templateMetadata = root.entries.find((e) => e.key === "Metadata")?.value;
  if (ignored(plainMetadata(templateMetadata))) return true;
  if (finding.nodePath[0] === "Resources" && typeof finding.nodePath[1] === "string") {
    const resources = root.entries.find((e) => e.key === "Resources")?.value;
    const resource = resources?.kind === "map" ? resources.entries.find((e) => e.key === finding.nodePath[1])?.value : void 0;
    const metadata = resource?.kind === "map" ? resource.entries.find((e) => e.key === "Metadata")?.value : void 0;
    if (ignored(plainMetadata(metadata))) return true;
  }
  return false;
}
function toPlainShallow(node) {
  if (node.kind === "scalar") return node.value;
  if (node.kind === "seq") return node.items.map(toPlainShallow);
  return Object.fromEntries(node.entries.map((e) => [e.key, toPlainShallow(e.value)]));
}
function dedupe(findings) {
  const seen = /* @__PURE__ */ new Set();
  return findings.filter((finding) => {
    const key = `${finding.ruleId}\0${finding.path}\0${finding.startOffset}\0${finding.messageId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// src/render/region.ts
var emptyFile = new SourceFile("", "");
function buildRegion(files, path, startOffset, endOffset) {
  const file = files.get(path) ?? emptyFile;
  const start = file.positionAt(startOffset);
  const end = file.positionAt(Math.max(startOffset, endOffset));
  return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
}

// src/render/json.ts
function renderJson(findings, files) {
  return {
    findings: findings.map((finding) => {
      const region = buildRegion(files, finding.path, finding.startOffset, finding.endOffset);
      return {
        ruleId: finding.ruleId,
        severity: finding.severity,
        path: finding.path,
        startLine: region.startLine,
        startColumn: region.startColumn,
        endLine: region.endLine,
        endColumn: region.endColumn,
        message: finding.message,
        fixes: finding.fixes.map((fix) => ({
          title: fix.title,
          edits: fix.edits.map((edit) => {
            const editRegion = buildRegion(files, edit.path, edit.startOffset, edit.endOffset);
            return {
              path: edit.path,
              startLine: editRegion.startLine,
              startColumn: editRegion.startColumn,
              endLine: editRegion.endLine,
              endColumn: editRegion.endColumn,
              newText: edit.newText
            };
          })
        }))
      };
    })
  };
}

// src/core/rules/rule-meta.ts
var projectUrl = "https://github.com/ecs-iam-lint/ecs-iam-lint";
function ruleDocsUrl(ruleId) {
  return `${projectUrl}/blob/main/docs/rules/${ruleId}.md`;
}

// src/render/fingerprint.ts
import { createHash } from "node:crypto";
function findingFingerprint(finding) {
  const identity = JSON.stringify([finding.ruleId, finding.path, finding.nodePath, finding.messageId]);
  return createHash("sha256").update(identity).digest("hex").slice(0, 32);
}

// src/render/sarif.ts
var sarifSchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
var fingerprintKey = "ecsIamLint/v1";
var levelBySeverity = { error: "error", warning: "warning", notice: "note" };
function renderSarif(findings, files, rules, toolVersion2) {
  const ruleIndexById = new Map(rules.map((rule, index) => [rule.id, index]));
  const results = findings.map((finding) => {
    const result = {
      ruleId: finding.ruleId,
      level: levelBySeverity[finding.severity],
      message: { text: finding.message },
      locations: [{
        physicalLocation: {
          artifactLocation: { uri: renderArtifactUri(finding.path) },
          region: buildRegion(files, finding.path, finding.startOffset, finding.endOffset)
        }
      }],
      partialFingerprints: { [fingerprintKey]: findingFingerprint(finding) }
    };
    const ruleIndex = ruleIndexById.get(finding.ruleId);
    if (ruleIndex !== void 0) result.ruleIndex = ruleIndex;
    if (finding.fixes.length > 0) {
      result.fixes = finding.fixes.map((fix) => {
        const paths = [...new Set(fix.edits.map((edit) => edit.path))];
        return {
          description: { text: fix.title },
          artifactChanges: paths.map((path) => ({
            artifactLocation: { uri: renderArtifactUri(path) },
            replacements: fix.edits.filter((edit) => edit.path === path).map((edit) => ({
              deletedRegion: buildRegion(files, path, edit.startOffset, edit.endOffset),
              insertedContent: { text: edit.newText }
            }))
          }))
        };
      });
    }
    return result;
  });
  return {
    $schema: sarifSchemaUri,
    version: "2.1.0",
    runs: [{
      tool: {
        driver: {
          name: "ecs-iam-lint",
          informationUri: projectUrl,
          version: toolVersion2,
          rules: rules.map((rule) => ({
            id: rule.id,
            shortDescription: { text: rule.description },
            helpUri: ruleDocsUrl(rule.id),
            defaultConfiguration: { level: levelBySeverity[rule.defaultSeverity] },
            properties: { tags: ["security", "iam", "ecs"] }
          }))
        }
      },
      columnKind: "utf16CodeUnits",
      results
    }]
  };
}
function renderArtifactUri(path) {
  return path.split(/[\\/]/).map((segment) => encodeURIComponent(segment)).join("/");
}

// src/render/summary.ts
function countBySeverity(findings) {
  const counts = { error: 0, warning: 0, notice: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}
function renderSeverityCounts(counts) {
  const plural = (count, noun) => `${count} ${noun}${count === 1 ? "" : "s"}`;
  return `${plural(counts.error, "error")}, ${plural(counts.warning, "warning")}, ${plural(counts.notice, "notice")}`;
}

// src/core/text/text-edit.ts
var OverlappingEditsError = class extends Error {
};
function editsOverlap(a, b) {
  if (a.path !== b.path) return false;
  if (a.startOffset === a.endOffset && b.startOffset === b.endOffset) return a.startOffset === b.startOffset;
  return a.startOffset < b.endOffset && b.startOffset < a.endOffset || a.startOffset === a.endOffset && a.startOffset > b.startOffset && a.startOffset < b.endOffset || b.startOffset === b.endOffset && b.startOffset > a.startOffset && b.startOffset < a.endOffset;
}
function applyEdits(text, edits) {
  const sorted = [...edits].sort((a, b) => a.startOffset - b.startOffset || a.endOffset - b.endOffset);
  for (let i = 1; i < sorted.length; i++) {
    if (editsOverlap(sorted[i - 1], sorted[i])) {
      throw new OverlappingEditsError(`edits overlap at offset ${sorted[i].startOffset}`);
    }
  }
  let result = "";
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.startOffset < cursor || edit.endOffset > text.length) {
      throw new OverlappingEditsError(`edit [${edit.startOffset}, ${edit.endOffset}) is outside the text`);
    }
    result += text.slice(cursor, edit.startOffset) + edit.newText;
    cursor = edit.endOffset;
  }
  return result + text.slice(cursor);
}

// src/render/unified-diff.ts
var contextLineCount = 2;
function renderFixDiff(fix, files) {
  const editsByPath = /* @__PURE__ */ new Map();
  for (const edit of fix.edits) {
    const list = editsByPath.get(edit.path);
    if (list) list.push(edit);
    else editsByPath.set(edit.path, [edit]);
  }
  let diff = "";
  for (const [path, edits] of editsByPath) {
    const file = files.get(path);
    diff += renderFileDiff(file ?? new SourceFile(path, ""), edits, file === void 0);
  }
  return diff;
}
function renderFileDiff(file, edits, isNewFile) {
  const changes = buildLineChanges(file, edits);
  if (changes.length === 0) return "";
  let diff = `--- ${isNewFile ? "/dev/null" : `a/${file.path}`}
+++ b/${file.path}
`;
  const totalLines = countLines(file.text);
  let lineDelta = 0;
  let index = 0;
  while (index < changes.length) {
    let end = index + 1;
    while (end < changes.length && changes[end].oldStart - oldEnd(changes[end - 1]) - 1 <= 2 * contextLineCount) end++;
    const group = changes.slice(index, end);
    const hunkOldStart = Math.max(1, group[0].oldStart - contextLineCount);
    const hunkOldEnd = Math.min(totalLines, oldEnd(group[group.length - 1]) + contextLineCount);
    let body = "";
    let groupDelta = 0;
    let cursor = hunkOldStart;
    for (const change of group) {
      for (; cursor < change.oldStart; cursor++) body += renderDiffLine(" ", oldLine(file, cursor));
      for (const line of change.oldLines) body += renderDiffLine("-", line);
      for (const line of change.newLines) body += renderDiffLine("+", line);
      cursor = oldEnd(change) + 1;
      groupDelta += change.newLines.length - change.oldLines.length;
    }
    for (; cursor <= hunkOldEnd; cursor++) body += renderDiffLine(" ", oldLine(file, cursor));
    const oldCount = hunkOldEnd - hunkOldStart + 1;
    const newCount = oldCount + groupDelta;
    const newStart = hunkOldStart + lineDelta;
    diff += `@@ -${oldCount ? hunkOldStart : hunkOldStart - 1},${oldCount} +${newCount ? newStart : newStart - 1},${newCount} @@
${body}`;
    lineDelta += groupDelta;
    index = end;
  }
  return diff;
}
function buildLineChanges(file, edits) {
  const text = file.text;
  for (const edit of edits) {
    if (edit.startOffset < 0 || edit.startOffset > edit.endOffset || edit.endOffset > text.length) {
      throw new RangeError(`edit [${edit.startOffset}, ${edit.endOffset}) is outside ${file.path} (${text.length} characters)`);
    }
  }
  const sorted = [...edits].sort((a, b) => a.startOffset - b.startOffset || a.endOffset - b.endOffset);
  const changes = [];
  let index = 0;
  while (index < sorted.length) {
    const regionStart = file.lineStartOffset(sorted[index].startOffset);
    let regionEnd = editRegionEnd(file, sorted[index]);
    const members = [sorted[index++]];
    let newText;
    for (; ; ) {
      while (index < sorted.length && file.lineStartOffset(sorted[index].startOffset) < regionEnd) {
        regionEnd = Math.max(regionEnd, editRegionEnd(file, sorted[index]));
        members.push(sorted[index++]);
      }
      newText = applyEdits(
        text.slice(regionStart, regionEnd),
        members.map((edit) => ({ ...edit, startOffset: edit.startOffset - regionStart, endOffset: edit.endOffset - regionStart }))
      );
      if (newText === "" || endsWithLineBreak(newText)) break;
      if (regionEnd < text.length) regionEnd = nextLineStart(file, regionEnd);
      else if (index < sorted.length && sorted[index].startOffset === text.length) members.push(sorted[index++]);
      else break;
    }
    const oldLines = splitLines(text.slice(regionStart, regionEnd));
    const newLines = splitLines(newText);
    let oldStart = file.positionAt(regionStart).line;
    let head = 0;
    while (head < oldLines.length && head < newLines.length && sameLine(oldLines[head], newLines[head])) head++;
    let tail = 0;
    while (tail < oldLines.length - head && tail < newLines.length - head && sameLine(oldLines[oldLines.length - 1 - tail], newLines[newLines.length - 1 - tail])) tail++;
    oldStart += head;
    const change = {
      oldStart,
      oldLines: oldLines.slice(head, oldLines.length - tail),
      newLines: newLines.slice(head, newLines.length - tail)
    };
    if (change.oldLines.length > 0 || change.newLines.length > 0) changes.push(change);
  }
  return changes;
}
function editRegionEnd(file, edit) {
  if (file.positionAt(edit.endOffset).column === 1) return edit.endOffset;
  return nextLineStart(file, edit.endOffset);
}
function nextLineStart(file, offset) {
  const { line } = file.positionAt(offset);
  return line < file.lineCount ? file.offsetAt({ line: line + 1, column: 1 }) : file.text.length;
}
function oldEnd(change) {
  return change.oldStart + change.oldLines.length - 1;
}
function countLines(text) {
  return splitLines(text).length;
}
function oldLine(file, line) {
  const start = file.offsetAt({ line, column: 1 });
  const end = file.lineEndOffset(start);
  return { text: file.text.slice(start, end), eol: file.text.slice(end, nextLineStart(file, start)) };
}
function splitLines(text) {
  const lines = [];
  const lineBreak = /\r\n|\n|\r/g;
  let start = 0;
  for (let match = lineBreak.exec(text); match; match = lineBreak.exec(text)) {
    lines.push({ text: text.slice(start, match.index), eol: match[0] });
    start = match.index + match[0].length;
  }
  if (start < text.length) lines.push({ text: text.slice(start), eol: "" });
  return lines;
}
function sameLine(a, b) {
  return a.text === b.text && a.eol === b.eol;
}
function endsWithLineBreak(text) {
  const last = text.charCodeAt(text.length - 1);
  return last === 10 || last === 13;
}
function renderDiffLine(prefix, line) {
  return `${prefix}${line.text}
${line.eol === "" ? "\\ No newline at end of file\n" : ""}`;
}

// src/render/text.ts
var ansi = { reset: "\x1B[0m", bold: "\x1B[1m", dim: "\x1B[2m", red: "\x1B[31m", green: "\x1B[32m", yellow: "\x1B[33m", cyan: "\x1B[36m" };
var severityColor = { error: ansi.red, warning: ansi.yellow, notice: ansi.cyan };
function renderText(findings, files, options) {
  const paint = (code, text) => options.color ? `${code}${text}${ansi.reset}` : text;
  const showPath = options.cwdRelative ?? ((path) => path);
  const blocks = [];
  for (const finding of findings) {
    const region = buildRegion(files, finding.path, finding.startOffset, finding.endOffset);
    let block = [
      paint(ansi.bold, `${sanitizeForTerminal(showPath(finding.path))}:${region.startLine}:${region.startColumn}`),
      paint(severityColor[finding.severity], finding.severity),
      paint(ansi.dim, sanitizeForTerminal(finding.ruleId)),
      sanitizeForTerminal(finding.message)
    ].join("  ") + "\n";
    const fix = finding.fixes[0];
    if (fix) {
      block += `  ${paint(ansi.bold, `fix: ${sanitizeForTerminal(fix.title)}`)}
`;
      let diff;
      try {
        diff = renderFixDiff(fix, files);
      } catch (error) {
        diff = `(the patch cannot be shown: ${error.message})
`;
      }
      for (const line of diff.split("\n").slice(0, -1)) block += `  ${paintDiffLine(sanitizeForTerminal(line), paint)}
`;
    }
    blocks.push(block);
  }
  const counts = countBySeverity(findings);
  const summary = findings.length === 0 ? "no findings" : renderSeverityCounts(counts);
  blocks.push(paint(ansi.bold, summary) + "\n");
  return blocks.join("\n");
}
function paintDiffLine(line, paint) {
  if (line.startsWith("+++ ") || line.startsWith("--- ")) return paint(ansi.bold, line);
  if (line.startsWith("@@")) return paint(ansi.cyan, line);
  if (line.startsWith("+")) return paint(ansi.green, line);
  if (line.startsWith("-")) return paint(ansi.red, line);
  return line;
}
function sanitizeForTerminal(text) {
  return text.replace(/[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g, (char) => {
    const code = char.charCodeAt(0);
    return code <= 255 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16)}`;
  });
}

// src/render/github-commands.ts
var commandBySeverity = { error: "error", warning: "warning", notice: "notice" };
function renderWorkflowCommands(findings, files) {
  let output = "";
  for (const finding of findings) {
    const region = buildRegion(files, finding.path, finding.startOffset, finding.endOffset);
    if (region.endLine > region.startLine && region.endColumn === 1) region.endLine--;
    const properties = [["file", finding.path], ["line", region.startLine]];
    if (region.startLine === region.endLine) properties.push(["col", region.startColumn]);
    properties.push(["endLine", region.endLine]);
    if (region.startLine === region.endLine) properties.push(["endColumn", region.endColumn]);
    properties.push(["title", `ecs-iam-lint (${finding.ruleId})`]);
    const rendered = properties.map(([name, value]) => `${name}=${escapeProperty(String(value))}`).join(",");
    output += `::${commandBySeverity[finding.severity]} ${rendered}::${escapeData(finding.message)}
`;
  }
  return output;
}
function escapeData(text) {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(text) {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// src/cli/apply-fixes.ts
import { readFile, writeFile } from "node:fs/promises";
import { isAbsolute, relative, resolve, sep } from "node:path";
var maxFixRounds = 5;
function chooseFixes(findings) {
  const chosen = [];
  const chosenEdits = [];
  for (const finding of findings) {
    const fix = finding.fixes[0];
    if (!fix || fix.edits.length === 0) continue;
    const conflicts = fix.edits.some(
      (edit, index) => fix.edits.some((other, otherIndex) => otherIndex < index && editsOverlap(edit, other)) || chosenEdits.some((other) => editsOverlap(edit, other))
    );
    if (conflicts) continue;
    chosen.push(fix);
    chosenEdits.push(...fix.edits);
  }
  return chosen;
}
function planFixes(findings) {
  const plan = /* @__PURE__ */ new Map();
  for (const fix of chooseFixes(findings)) {
    for (const edit of fix.edits) {
      const edits = plan.get(edit.path);
      if (edits) edits.push(edit);
      else plan.set(edit.path, [edit]);
    }
  }
  return plan;
}
async function applyFixes(root, files, config, lintFiles) {
  const textByPath = new Map(files.map((file) => [file.path, file.text]));
  const current = () => files.map((file) => ({ path: file.path, text: textByPath.get(file.path) }));
  const fixedPaths = /* @__PURE__ */ new Set();
  const notices = [];
  let fixCount = 0;
  let rounds = 0;
  let result = lintFiles(current(), config);
  while (rounds < maxFixRounds) {
    const fixes = chooseFixes(result.findings);
    const failedPaths = /* @__PURE__ */ new Set();
    const written = [];
    for (const [path, edits] of planFixes(result.findings)) {
      const text = textByPath.get(path);
      if (text === void 0) {
        notices.push(`not fixed: a fix edits ${path}, which was not linted`);
        failedPaths.add(path);
        continue;
      }
      try {
        const fixed = applyEdits(text, edits);
        if (fixed === text) continue;
        await writeFixedFile(root, path, text, fixed);
        textByPath.set(path, fixed);
        written.push(path);
      } catch (error) {
        notices.push(`not fixed: ${path}: ${error.message}`);
        failedPaths.add(path);
      }
    }
    if (written.length === 0) break;
    rounds++;
    for (const path of written) fixedPaths.add(path);
    fixCount += fixes.filter((fix) => fix.edits.every((edit) => !failedPaths.has(edit.path))).length;
    result = lintFiles(current(), config);
  }
  return { result, files: current(), fixedPaths: [...fixedPaths].sort(), fixCount, rounds, notices };
}
async function writeFixedFile(root, path, expectedText, fixedText) {
  const rootPath = resolve(root);
  const absolutePath = resolve(rootPath, path);
  const fromRoot = relative(rootPath, absolutePath);
  if (fromRoot === "" || fromRoot === ".." || fromRoot.startsWith(`..${sep}`) || isAbsolute(fromRoot)) {
    throw new Error("the path is outside the working directory");
  }
  const bytes = await readFile(absolutePath);
  if (!bytes.equals(Buffer.from(expectedText, "utf8"))) {
    throw new Error("the file changed since it was read, or is not valid UTF-8; left as it is");
  }
  await writeFile(absolutePath, fixedText, "utf8");
}

// src/cli/discover-files.ts
import { lstat, readdir, readFile as readFile2, realpath, stat } from "node:fs/promises";
import { isAbsolute as isAbsolute2, join, relative as relative2, resolve as resolve2, sep as sep2 } from "node:path";

// src/cli/glob-match.ts
var maxAlternatives = 1024;
var GlobSyntaxError = class extends Error {
};
function compileGlob(pattern) {
  let normalized = pattern.replace(/^(?:\.\/)+/, "").replace(/^\/+/, "");
  if (normalized.endsWith("/")) normalized += "**";
  const alternatives2 = expandBraces(normalized);
  return new RegExp(`^(?:${alternatives2.map(compileBraceFree).join("|")})$`, "u");
}
function compileGlobs(patterns) {
  const regexps = patterns.map(compileGlob);
  return (path) => regexps.some((regexp) => regexp.test(path));
}
function expandBraces(pattern) {
  const open = findBraceOpen(pattern);
  if (open === -1) return [pattern];
  const close = findMatchingBrace(pattern, open);
  if (close === -1) return [pattern];
  const options = splitTopLevelCommas(pattern.slice(open + 1, close));
  const prefix = pattern.slice(0, open);
  const suffixes = expandBraces(pattern.slice(close + 1));
  const result = [];
  for (const option of options) {
    for (const middle of expandBraces(option)) {
      for (const suffix of suffixes) {
        result.push(prefix + middle + suffix);
        if (result.length > maxAlternatives) {
          throw new GlobSyntaxError(`glob "${pattern}" expands to more than ${maxAlternatives} alternatives`);
        }
      }
    }
  }
  return result;
}
function findBraceOpen(pattern) {
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === "\\") i++;
    else if (char === "[") {
      const end = findClassEnd(pattern, i);
      if (end !== -1) i = end;
    } else if (char === "{" && findMatchingBrace(pattern, i) !== -1) return i;
  }
  return -1;
}
function findMatchingBrace(pattern, open) {
  let depth = 0;
  for (let i = open; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === "\\") i++;
    else if (char === "{") depth++;
    else if (char === "}" && --depth === 0) return i;
  }
  return -1;
}
function splitTopLevelCommas(text) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === "\\") i++;
    else if (char === "{") depth++;
    else if (char === "}") depth--;
    else if (char === "," && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}
function findClassEnd(pattern, open) {
  let i = open + 1;
  if (pattern[i] === "!" || pattern[i] === "^") i++;
  if (pattern[i] === "]") i++;
  for (; i < pattern.length; i++) {
    if (pattern[i] === "\\") i++;
    else if (pattern[i] === "]") return i;
  }
  return -1;
}
function compileBraceFree(pattern) {
  const segments = pattern.split("/");
  let source = "";
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    if (segment === "**") {
      if (last) source = index === 0 ? ".*" : `${source.slice(0, -1)}(?:/.*)?`;
      else source += "(?:[^/]*/)*";
      return;
    }
    source += compileSegment(segment) + (last ? "" : "/");
  });
  return source;
}
function compileSegment(segment) {
  let source = "";
  for (let i = 0; i < segment.length; i++) {
    const char = segment[i];
    if (char === "\\" && i + 1 < segment.length) source += escapeRegExp(segment[++i]);
    else if (char === "*") {
      while (segment[i + 1] === "*") i++;
      source += "[^/]*";
    } else if (char === "?") source += "[^/]";
    else if (char === "[") {
      const end = findClassEnd(segment, i);
      if (end === -1) source += "\\[";
      else {
        source += compileClass(segment.slice(i + 1, end));
        i = end;
      }
    } else source += escapeRegExp(char);
  }
  return source;
}
function compileClass(body) {
  let negated = false;
  if (body[0] === "!" || body[0] === "^") {
    negated = true;
    body = body.slice(1);
  }
  let members = "";
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (char === "\\" && i + 1 < body.length) members += escapeClassChar(body[++i]);
    else if (char === "-" && i > 0 && i < body.length - 1) members += "-";
    else members += escapeClassChar(char);
  }
  return negated ? `[^/${members}]` : `(?!/)[${members}]`;
}
function escapeRegExp(char) {
  return /[\\^$.*+?()[\]{}|/]/.test(char) ? `\\${char}` : char;
}
function escapeClassChar(char) {
  return /[\\\]^[-]/.test(char) ? `\\${char}` : char;
}

// src/cli/discover-files.ts
var PathArgumentError = class extends Error {
};
var skippedDirectoryNames = /* @__PURE__ */ new Set(["node_modules", ".git", "cdk.out"]);
var readConcurrency = 16;
async function readLintFiles(root, paths, config) {
  const rootPath = resolve2(root);
  const realRoot = await realpath(rootPath);
  const isIncluded = compileGlobs(config.include);
  const isExcluded = compileGlobs(config.exclude);
  const notices = [];
  const candidatesByRealPath = /* @__PURE__ */ new Map();
  const toRelative = (absolutePath) => relative2(rootPath, absolutePath).split(sep2).join("/");
  const realPathInsideRoot = async (absolutePath, shown) => {
    const real = await realpath(absolutePath);
    if (!isInside(realRoot, real)) {
      notices.push(`skipped ${shown}: it resolves to ${real}, outside ${realRoot}`);
      return void 0;
    }
    return real;
  };
  const addFile = async (absolutePath, explicit) => {
    const path = toRelative(absolutePath);
    const real = await realPathInsideRoot(absolutePath, path);
    if (real === void 0) return;
    const canonical = relative2(realRoot, real).split(sep2).join("/") === path;
    const previous = candidatesByRealPath.get(real);
    if (previous && (previous.canonical || !canonical)) {
      previous.explicit ||= explicit;
      return;
    }
    const info = await stat(real);
    if (!info.isFile()) return;
    candidatesByRealPath.set(real, { path, absolutePath, size: info.size, explicit: explicit || previous?.explicit === true, canonical });
  };
  const walk = async (directory) => {
    let entries;
    try {
      entries = await readdir(directory, { withFileTypes: true });
    } catch (error) {
      notices.push(`skipped ${toRelative(directory) || "."}: ${describeError(error)}`);
      return;
    }
    entries.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    for (const entry of entries) {
      const absolutePath = join(directory, entry.name);
      const path = toRelative(absolutePath);
      try {
        if (entry.isDirectory()) {
          if (skippedDirectoryNames.has(entry.name) || isExcluded(path)) continue;
          await walk(absolutePath);
        } else if (entry.isSymbolicLink()) {
          if (!isIncluded(path) || isExcluded(path)) continue;
          await addFile(absolutePath, false);
        } else if (entry.isFile()) {
          if (isIncluded(path) && !isExcluded(path)) await addFile(absolutePath, false);
        }
      } catch (error) {
        notices.push(`skipped ${path}: ${describeError(error)}`);
      }
    }
  };
  for (const argument of paths.length > 0 ? paths : ["."]) {
    const absolutePath = resolve2(rootPath, argument);
    if (!isInside(rootPath, absolutePath)) {
      throw new PathArgumentError(
        `${argument} is outside the working directory ${rootPath}; ecs-iam-lint only reads files under the directory it runs in, so run it from a directory that contains the path`
      );
    }
    let info;
    try {
      info = await lstat(absolutePath);
    } catch (error) {
      throw new PathArgumentError(`cannot read ${argument}: ${describeError(error)}`);
    }
    const shown = toRelative(absolutePath) || ".";
    if (info.isSymbolicLink()) {
      const real = await realPathInsideRoot(absolutePath, shown).catch((error) => {
        throw new PathArgumentError(`cannot read ${argument}: ${describeError(error)}`);
      });
      if (real === void 0) continue;
      info = await stat(real);
    } else if (!isInside(realRoot, await realpath(absolutePath))) {
      notices.push(`skipped ${shown}: it resolves to a path outside ${realRoot}`);
      continue;
    }
    if (info.isDirectory()) await walk(absolutePath);
    else if (info.isFile()) await addFile(absolutePath, true);
    else throw new PathArgumentError(`${argument} is neither a file nor a directory`);
  }
  const candidates = [...candidatesByRealPath.values()];
  candidates.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  const accepted = selectWithinLimits(candidates, config, notices);
  const files = await mapBounded(accepted, readConcurrency, async (candidate) => {
    try {
      const bytes = await readFile2(candidate.absolutePath);
      if (bytes.length > config.limits.maxFileBytes) {
        notices.push(`skipped ${candidate.path}: ${bytes.length} bytes exceeds max-file-bytes (${config.limits.maxFileBytes})`);
        return void 0;
      }
      if (!candidate.explicit && bytes.includes(0)) return void 0;
      return { path: candidate.path, text: bytes.toString("utf8") };
    } catch (error) {
      notices.push(`skipped ${candidate.path}: ${describeError(error)}`);
      return void 0;
    }
  });
  return { files: files.filter((file) => file !== void 0), notices };
}
function selectWithinLimits(candidates, config, notices) {
  const accepted = [];
  let totalBytes = 0;
  for (let index = 0; index < candidates.length; index++) {
    const candidate = candidates[index];
    if (candidate.size > config.limits.maxFileBytes) {
      notices.push(`skipped ${candidate.path}: ${candidate.size} bytes exceeds max-file-bytes (${config.limits.maxFileBytes})`);
      continue;
    }
    if (totalBytes + candidate.size > config.limits.maxTotalBytes) {
      notices.push(
        `stopped reading at ${candidate.path}: the files so far total ${totalBytes} bytes and max-total-bytes is ${config.limits.maxTotalBytes}; ${candidates.length - index === 1 ? "1 file was" : `${candidates.length - index} files were`} not linted`
      );
      break;
    }
    totalBytes += candidate.size;
    accepted.push(candidate);
  }
  return accepted;
}
async function mapBounded(items, concurrency, map) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
function isInside(root, path) {
  const fromRoot = relative2(root, path);
  return fromRoot === "" || fromRoot !== ".." && !fromRoot.startsWith(`..${sep2}`) && !isAbsolute2(fromRoot);
}
function describeError(error) {
  const code = error.code;
  if (code === "ENOENT") return "no such file or directory";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  return error.message;
}

// src/cli/has-failing-finding.ts
function hasFailingFinding(findings, failOn) {
  if (failOn === "never") return false;
  return findings.some((finding) => severityRank[finding.severity] >= severityRank[failOn]);
}

// package.json
var package_default = {
  name: "ecs-iam-lint",
  version: "0.1.0",
  description: "Catch Amazon ECS tasks whose IAM roles are wrong in the pull request, not in production.",
  license: "MIT",
  type: "module",
  bin: {
    "ecs-iam-lint": "dist/cli.js"
  },
  engines: {
    node: ">=20"
  },
  scripts: {
    build: "node scripts/build.mjs",
    typecheck: "tsc --noEmit",
    test: "node scripts/test.mjs",
    "lint:examples": "node dist/cli.js examples",
    "docs:rules": "node --import tsx scripts/update-rules-table.ts"
  },
  dependencies: {
    yaml: "2.9.1"
  },
  devDependencies: {
    "@types/node": "20.19.43",
    esbuild: "0.28.2",
    tsx: "4.23.15",
    typescript: "5.9.3"
  }
};

// src/cli/tool-version.ts
var toolVersion = package_default.version;

// src/cli/main.ts
var formats = ["text", "json", "sarif", "github"];
var failOnValues2 = ["error", "warning", "notice", "never"];
var configFileNames = [".github/ecs-iam-lint.yml", ".ecs-iam-lint.yml"];
var usage = `Usage: ecs-iam-lint [paths...] [options]

Checks the IAM roles of Amazon ECS tasks in CloudFormation templates and task-definition JSON.
Paths are files or directories under the current directory (default: .).

Options:
  --format text|json|sarif|github   report format (default: text)
  --fix                             apply the first fix of every finding, then report what is left
  --config FILE                     config file (default: ${configFileNames.join(", then ")})
  --fail-on error|warning|notice|never
                                    exit 1 when a finding is at least this severe (default: error,
                                    or the config file's fail-on)
  --output FILE                     write the report to FILE instead of stdout
  -h, --help                        show this help
  --version                         print the version

Exit status: 0 no failing finding, 1 a failing finding, 2 the command itself failed.
`;
async function runCli(argv, io) {
  const fail = (message) => {
    io.stderr(`ecs-iam-lint: ${message}
`);
    return 2;
  };
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: "string" },
        fix: { type: "boolean" },
        config: { type: "string" },
        "fail-on": { type: "string" },
        output: { type: "string" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean" }
      }
    });
  } catch (error) {
    return fail(`${error.message}
Run ecs-iam-lint --help for usage.`);
  }
  const { values, positionals } = args;
  if (values.help) {
    io.stdout(usage);
    return 0;
  }
  if (values.version) {
    io.stdout(`${toolVersion}
`);
    return 0;
  }
  const format = values.format ?? "text";
  if (!isOneOf(format, formats)) return fail(`--format must be one of ${formats.join(", ")}, not "${format}"`);
  const failOnOption = values["fail-on"];
  if (failOnOption !== void 0 && !isOneOf(failOnOption, failOnValues2)) {
    return fail(`--fail-on must be one of ${failOnValues2.join(", ")}, not "${failOnOption}"`);
  }
  try {
    const loaded = await readConfig(io.cwd, values.config);
    if ("error" in loaded) return fail(loaded.error);
    const config = loaded.config;
    if (failOnOption !== void 0) config.failOn = failOnOption;
    const lintFiles = (files, lintConfig) => lint(files, lintConfig, { configPath: loaded.path });
    const discovered = await readLintFiles(io.cwd, positionals, config);
    for (const notice of discovered.notices) io.stderr(`ecs-iam-lint: ${notice}
`);
    let result;
    if (values.fix) {
      const fixed = await applyFixes(io.cwd, discovered.files, config, lintFiles);
      for (const notice of fixed.notices) io.stderr(`ecs-iam-lint: ${notice}
`);
      io.stderr(`ecs-iam-lint: applied ${fixed.fixCount} ${fixed.fixCount === 1 ? "fix" : "fixes"} to ${fixed.fixedPaths.length} ${fixed.fixedPaths.length === 1 ? "file" : "files"}
`);
      result = fixed.result;
    } else {
      result = lintFiles(discovered.files, config);
    }
    const report = renderReport(format, result, {
      color: values.output === void 0 && shouldColor(io)
    });
    if (values.output !== void 0) {
      const outputPath = resolve3(io.cwd, values.output);
      try {
        await mkdir(dirname(outputPath), { recursive: true });
        await writeFile2(outputPath, report, "utf8");
      } catch (error) {
        return fail(`cannot write ${values.output}: ${error.message}`);
      }
    } else {
      io.stdout(report);
    }
    return hasFailingFinding(result.findings, config.failOn) ? 1 : 0;
  } catch (error) {
    if (error instanceof PathArgumentError || error instanceof GlobSyntaxError) return fail(error.message);
    return fail(`internal error: ${error.stack ?? String(error)}`);
  }
}
function renderReport(format, result, options) {
  switch (format) {
    case "text":
      return renderText(result.findings, result.files, { color: options.color });
    case "json":
      return `${JSON.stringify(renderJson(result.findings, result.files), null, 2)}
`;
    case "sarif":
      return `${JSON.stringify(renderSarif(result.findings, result.files, ruleMetas, toolVersion), null, 2)}
`;
    case "github":
      return renderWorkflowCommands(result.findings, result.files);
  }
}
async function readConfig(cwd, explicitPath) {
  const candidates = explicitPath !== void 0 ? [explicitPath] : configFileNames;
  for (const candidate of candidates) {
    const absolutePath = resolve3(cwd, candidate);
    let text;
    try {
      text = await readFile3(absolutePath, "utf8");
    } catch (error) {
      const code = error.code;
      if (code === "ENOENT" && explicitPath === void 0) continue;
      const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : error.message;
      return { error: `cannot read config file ${candidate}: ${reason}` };
    }
    const fromRoot = relative3(resolve3(cwd), absolutePath);
    const path = fromRoot.startsWith(`..${sep3}`) || isAbsolute3(fromRoot) ? absolutePath : fromRoot.split(sep3).join("/");
    const parsed = parseConfigFile(text, path, ruleMetas.map((rule) => rule.id));
    if ("error" in parsed) return { error: `invalid config file:
${parsed.error}` };
    return { config: parsed.config, path };
  }
  return { config: defaultLintConfig() };
}
function shouldColor(io) {
  const env = io.env ?? {};
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== void 0 && env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false") return true;
  return io.isTTY;
}
function isOneOf(value, allowed) {
  return allowed.includes(value);
}

// src/cli/cli.ts
void runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: process.stdout.isTTY === true,
  env: process.env
}).then((code) => {
  process.exitCode = code;
});
