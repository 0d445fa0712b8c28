// A rollup plugin for the library builds of @os2kitos/core and @os2kitos/storage-adapters (and for
// core's sources in the embed bundle): it marks the code that runs while a module loads as free of
// side effects (docs/decisions/0018).
//
// Why: core builds every zod schema at module top level (`export const X = z.strictObject({…})
// .extend(…)`). To a bundler such a call might have a side effect, so an app that imports one
// function from core's dist/index.js used to get every schema and most of zod. "sideEffects": false
// in package.json only lets a bundler skip modules nothing is imported from; it says nothing about
// the statements inside a module it keeps. A /*#__PURE__*/ comment in front of a call tells rollup,
// esbuild, webpack and terser that the call may be dropped when its result is unused.
//
// Where: only in code that runs at load time and whose value is kept ("slots"): variable
// initialisers, `export default <expression>`, and in top-level classes the `extends` expression,
// computed member names and static field values. Never:
// - inside function or method bodies (they run when called, and bundlers know that already);
// - in top-level expression statements (`customElements.define(…)`, `if (…) …`): they exist for
//   their effect;
// - on immediately invoked functions (`const x = (() => { … })()`): their body may do anything;
// - on calls whose callee looks like registration or mutation (hasKnownSideEffect below).
//
// How, in one slot:
// 1. Every call and `new` gets a marker, also those in arguments, object and array literals and
//    conditionals. In a chain `z.a(…).b(…)` the inner call starts at the same character as the outer
//    one; a comment there belongs to the outer call, and rollup, esbuild and terser then drop the
//    whole chain, callee included (packages/core/test/build.pure-top-level.test.ts checks this), so
//    one marker per start position is enough.
// 2. Markers cover calls only. A property read in an argument (`z.union([Kind.schema, …])`,
//    `Base.extend(Fields.shape)`) or a spread (`{ ...A.shape }`) could run a getter, so bundlers
//    keep it, and with it the whole declaration. Such a slot is wrapped as well:
//    `/*#__PURE__*/ (() => (<slot>))()`, a marked call with no arguments, which a bundler drops
//    when the variable is unused; when it is used, the wrapper runs right where the expression did.
// 3. A slot that holds a call with a known side effect, an immediately invoked function, `await`,
//    `yield`, an assignment or `delete` is never wrapped, since wrapping would hide that effect; its
//    other calls are still marked.
import MagicString from 'magic-string';

const MARK = '/*#__PURE__*/ ';
const WRAP_OPEN = '/*#__PURE__*/ (() => (';
const WRAP_CLOSE = '))()';
const ALREADY_MARKED = /\/\*\s*[#@]__PURE__\s*\*\/\s*$/;

/**
 * Callees that register or mutate something, matched against the callee's dotted path
 * (`customElements.define`, `.register` for `schema.register`). None are expected in core; the list
 * is there so that a future `z.config(…)`, registry call or `Object.assign(existing, …)` is left
 * alone instead of silently disappearing from an app's bundle.
 */
export const SIDE_EFFECT_CALLEE =
  /(^|\.)(define|register|add|set|delete|clear|push|unshift|splice|assign|config|attach|addEventListener|dispatchEvent|defineProperty|defineProperties|setPrototypeOf|freeze|seal|preventExtensions)$|^(console|Reflect|process|globalThis|window|document|self)\./;

/**
 * `Object.*` functions that change their first argument: harmless when that argument is a literal
 * created right there (`Object.freeze({ … })`, `Object.assign({}, a, b)`), a side effect otherwise.
 */
const MUTATES_FIRST_ARGUMENT =
  /^Object\.(assign|freeze|seal|preventExtensions|defineProperty|defineProperties|setPrototypeOf)$/;

const isFunction = (node) => node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression';
const isFreshLiteral = (node) => node?.type === 'ObjectExpression' || node?.type === 'ArrayExpression';

/** `a.b.c` for a callee made of names and non-computed members (`.c` when `a.b` is not a name). */
function calleeName(callee) {
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') {
    const named = callee.object.type === 'Identifier' || callee.object.type === 'MemberExpression';
    return `${named ? calleeName(callee.object) : ''}.${callee.property.name}`;
  }
  return '';
}

/** Whether a call may do more than compute its result, judged from its callee and first argument. */
function hasKnownSideEffect(call) {
  const name = calleeName(call.callee);
  if (MUTATES_FIRST_ARGUMENT.test(name)) return !isFreshLiteral(call.arguments[0]);
  return SIDE_EFFECT_CALLEE.test(name);
}

/**
 * What to insert into a module: `marks` (start offsets of calls to mark) and `wraps` ([start, end]
 * of slots to wrap). Exported for the unit test; `program` is an ESTree Program (rollup's
 * `this.parse`, or acorn).
 */
export function planPureMarkers(program) {
  const marks = [];
  const wraps = [];
  const marked = new Set();
  // Per slot: `blocked` when it holds something that must keep running, `opaque` when it holds
  // something other than marked calls that a bundler would keep (a property read, a spread).
  let slotState;

  const mark = (node) => {
    if (!marked.has(node.start)) {
      marked.add(node.start);
      marks.push(node.start);
    }
  };

  const classNode = (node) => {
    if (node.superClass) expression(node.superClass);
    for (const member of node.body.body) {
      if (member.type === 'StaticBlock') {
        slotState.blocked = true; // statements: kept as they are
        continue;
      }
      if (member.computed) expression(member.key);
      if (member.type === 'PropertyDefinition' && member.static && member.value) expression(member.value);
    }
  };

  const expression = (node) => {
    if (!node) return;
    switch (node.type) {
      case 'CallExpression':
      case 'NewExpression': {
        if (isFunction(node.callee) || hasKnownSideEffect(node)) {
          slotState.blocked = true;
          return;
        }
        // The callee first: a marker covers the whole chain before it, so a call with an effect
        // anywhere in the chain (`reg.register(s).describe(…)`) means no marker for this call either.
        const blockedBefore = slotState.blocked;
        slotState.blocked = false;
        callee(node.callee);
        const calleeBlocked = slotState.blocked;
        slotState.blocked = blockedBefore || calleeBlocked;
        if (!calleeBlocked) mark(node);
        // Arguments with an effect keep it under a marked call: bundlers still evaluate them.
        for (const arg of node.arguments) expression(arg);
        return;
      }
      case 'ChainExpression':
      case 'ParenthesizedExpression':
        return expression(node.expression);
      case 'MemberExpression':
        slotState.opaque = true;
        expression(node.object);
        if (node.computed) expression(node.property);
        return;
      case 'ObjectExpression':
        for (const p of node.properties) {
          if (p.type === 'SpreadElement') expression(p);
          else {
            if (p.computed) {
              slotState.opaque = true;
              expression(p.key);
            }
            if (p.kind === 'init' && !p.method) expression(p.value);
          }
        }
        return;
      case 'ArrayExpression':
        for (const e of node.elements) expression(e);
        return;
      case 'SpreadElement':
        slotState.opaque = true;
        return expression(node.argument);
      case 'ConditionalExpression':
        expression(node.test);
        expression(node.consequent);
        expression(node.alternate);
        return;
      case 'LogicalExpression':
      case 'BinaryExpression':
        expression(node.left);
        expression(node.right);
        return;
      case 'UnaryExpression':
        if (node.operator === 'delete') slotState.blocked = true;
        else expression(node.argument);
        return;
      case 'TemplateLiteral':
        for (const e of node.expressions) expression(e);
        return;
      case 'SequenceExpression':
        for (const e of node.expressions) expression(e);
        return;
      case 'ClassExpression':
        return classNode(node);
      case 'TaggedTemplateExpression':
        // A call that cannot carry a marker: the slot is wrapped instead, unless the tag's name says
        // it registers something.
        if (SIDE_EFFECT_CALLEE.test(calleeName(node.tag))) {
          slotState.blocked = true;
          return;
        }
        slotState.opaque = true;
        callee(node.tag);
        for (const e of node.quasi.expressions) expression(e);
        return;
      case 'Identifier':
      case 'Literal':
      case 'ThisExpression':
      case 'MetaProperty':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        return; // values; a function's body runs later
      default:
        // AssignmentExpression, UpdateExpression, AwaitExpression, YieldExpression, ImportExpression
        // and anything unforeseen: an effect that must stay.
        slotState.blocked = true;
        return;
    }
  };

  // A callee's own property reads (`z.object`, `Kind.schema.nullable`) do not count: bundlers do not
  // check the callee of a marked call. Calls and computed keys in it are still visited.
  const callee = (node) => {
    if (node.type === 'MemberExpression') {
      callee(node.object);
      if (node.computed) expression(node.property);
    } else if (node.type === 'ChainExpression' || node.type === 'ParenthesizedExpression') {
      callee(node.expression);
    } else expression(node);
  };

  /** One expression evaluated at load whose value is kept. */
  const slot = (node) => {
    if (!node) return;
    slotState = { blocked: false, opaque: false };
    expression(node);
    // A function or class written directly as the initialiser takes the variable's name
    // (`const f = () => …` gives `f.name === 'f'`); wrapping would lose it, and neither needs it.
    const named = isFunction(node) || node.type === 'ClassExpression';
    if (slotState.opaque && !slotState.blocked && !named) wraps.push([node.start, node.end]);
  };

  const statement = (node) => {
    switch (node.type) {
      case 'ExportNamedDeclaration':
        if (node.declaration) statement(node.declaration);
        return;
      case 'ExportDefaultDeclaration':
        if (node.declaration.type === 'ClassDeclaration') classSlots(node.declaration);
        else if (node.declaration.type !== 'FunctionDeclaration') slot(node.declaration);
        return;
      case 'VariableDeclaration':
        for (const d of node.declarations) slot(d.init);
        return;
      case 'ClassDeclaration':
        return classSlots(node);
      default:
        // Imports, function declarations, expression statements, if/for/blocks: left alone.
        return;
    }
  };

  // A class declaration's load-time parts are marked but never wrapped: wrapping them one by one
  // would change nothing for a bundler, which keeps the class as long as any part has an effect.
  const classSlots = (node) => {
    slotState = { blocked: false, opaque: false };
    classNode(node);
  };

  for (const node of program.body) statement(node);
  return { marks, wraps };
}

/** Applies the plan to `code`; returns null when there is nothing to insert. */
export function markPureCalls(code, program, sourceId) {
  const { marks, wraps } = planPureMarkers(program);
  const s = new MagicString(code);
  let changed = false;
  // Wrappers first: at a shared start offset the wrapper's opening must come before a call's mark.
  const wrapped = new Set();
  for (const [start, end] of wraps) {
    s.appendLeft(start, WRAP_OPEN);
    s.appendLeft(end, WRAP_CLOSE);
    wrapped.add(start);
    changed = true;
  }
  for (const start of marks) {
    // esbuild marks some `new Set()`/`new Map()` itself; a call that now opens a wrapper is no
    // longer right after that comment, so it gets its own.
    if (!wrapped.has(start) && ALREADY_MARKED.test(code.slice(Math.max(0, start - 24), start))) continue;
    s.appendLeft(start, MARK);
    changed = true;
  }
  if (!changed) return null;
  return { code: s.toString(), map: s.generateMap({ hires: 'boundary', source: sourceId, includeContent: true }) };
}

/**
 * The plugin. `include` lists absolute directories whose modules are marked. Place it after the
 * TypeScript transform (esbuild) in `plugins`, so that it sees plain JavaScript.
 */
export function pureTopLevel({ include }) {
  return {
    name: 'pure-top-level',
    transform(code, id) {
      if (!include.some((dir) => id.startsWith(dir))) return null;
      return markPureCalls(code, this.parse(code), id);
    },
  };
}
