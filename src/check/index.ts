/** One check: fetch a page safely, extract, compare with the latest version, store. */
export { ArticleWriter } from './article-writer';
export { ArticleNotFound, checkArticle, type CheckResult } from './check-article';
export { trackUrl, untrack } from './track';
export { checkTrackableUrl } from '../net';
