// Parses BitBake files with the tree-sitter grammar of language-server-bitbake and prints
// "FILE:LINE:COLUMN: syntax error" for every ERROR or MISSING node. Exit status 1 if any.
// Run with the folder holding node_modules as the working directory.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// Modules resolve from the working directory (artifacts/bitbake-grammar), not from this file.
const require = createRequire(process.cwd() + '/');
const Parser = require('web-tree-sitter');
await Parser.init();
const language = await Parser.Language.load(require.resolve('language-server-bitbake/tree-sitter-bitbake.wasm'));
const parser = new Parser();
parser.setLanguage(language);

let errors = 0;
function visit(file, node) {
    if (node.type === 'ERROR' || node.isMissing) {
        const p = node.startPosition;
        const text = node.text.split('\n')[0].slice(0, 60);
        console.log(`${file}:${p.row + 1}:${p.column + 1}: syntax error${node.isMissing ? ' (missing ' + node.type + ')' : ''} near '${text}'`);
        errors++;
        return;
    }
    for (let i = 0; i < node.childCount; i++) {
        if (node.child(i).hasError || node.child(i).isMissing || node.child(i).type === 'ERROR') {
            visit(file, node.child(i));
        }
    }
}

for (const file of process.argv.slice(2)) {
    const tree = parser.parse(readFileSync(file, 'utf8'));
    if (tree.rootNode.hasError) {
        visit(file, tree.rootNode);
    }
    console.log(`parsed ${file}`);
}
process.exit(errors === 0 ? 0 : 1);
