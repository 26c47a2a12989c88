/** The bundle entry for `dist/app.js`, which `probot run` loads: only the app function, as its default export. */
export { default } from './app.js';
