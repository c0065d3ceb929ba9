/**
 * What class names, ids and roles say about a block: article body, or the furniture around it
 * (share bars, related links, comments, newsletter boxes, ads). Hashed class names say nothing and
 * match neither list, so a re-served page with new hashes weighs the same.
 */
import type { Element } from './tree';

/** Words that mark the body of an article. */
const POSITIVE = /article|body|content|entry|h-?entry|main|page|post|text|blog|story|prose|rich-?text|markdown/;
/** Words that mark a block as furniture. */
const NEGATIVE =
  /(?:^|[\s_-])(?:ad|ads|adslot|advert|advertisement|banner|breadcrumbs?|byline|cookie|consent|combx|comments?|community|contact|disqus|footer|gdpr|masthead|meta|modal|most-?read|most-?popular|newsletter|outbrain|paywall|popup|promo|appeal|reader-?appeal|donate|donations?|support-?us|recirc|related|remark|recommended|rss|share|sharing|shoutbox|sidebar|skyscraper|social|sponsor|sponsored|subscribe|subscription|tags|taboola|toolbar|trending|author-?bio|author-?box|signup|read-?more|see-?also|pagination|pager|disclaimer|disclosure|toc|print|email|follow|caption|credit|kicker|eyebrow|header|nav|navbar|menu|login|search|survey|feedback|poll)(?:$|[\s_-])/;
/** Furniture so certain that a block with these words is dropped from the body outright. */
const DROP =
  /(?:^|[\s_-])(?:share|sharing|social|related|recirc|newsletter|subscribe|subscription|signup|comments?|disqus|cookie|consent|gdpr|outbrain|taboola|promo|appeal|reader-?appeal|donate|donations?|support-?us|advert|advertisement|ad-?slot|ad-?container|ad-?wrapper|ad-?unit|ads|ad|sponsored|most-?read|most-?popular|trending|recommended|read-?more|read-?next|more-?stories|see-?also|also-?read|breadcrumbs?|byline|author-?bio|author-?box|about-?the-?author|tags|tag-?list|post-?tags|pagination|post-?nav|post-?navigation|toolbar|print|follow-?us|jump-?link|toc|table-?of-?contents|skip-?link|screen-?reader|paywall|modal|popup|caption|credit|dateline|timestamp|kicker|eyebrow|disclaimers?|disclosures?|author-?info|author-?card|about-?author|author-?details|author-?description|post-?author|entry-?author|author-?profile|author-?section|author-?wrap(?:per)?|bio-?box)(?:$|[\s_-])/;
/** Words that mean the block is plainly the body, stronger than the negative noise around it. */
const BODY =
  /(?:^|[\s_-])(?:article-?body|articlebody|story-?body|post-?body|entry-?content|post-?content|article-?content|body-?text|article-?text|story-?content|main-?content|rich-?text|markdown-?body|prose)(?:$|[\s_-])/;

/** Class weight: +25 for body words, -25 for furniture words (+50 for schema.org articleBody). */
export function classWeight(element: Element): number {
  if (!Number.isNaN(element.weight)) return element.weight;
  element.weight = computeWeight(element);
  return element.weight;
}

function computeWeight(element: Element): number {
  const hint = element.hint;
  let weight = 0;
  if (hint) {
    if (BODY.test(hint)) weight += 25;
    else {
      if (NEGATIVE.test(hint)) weight -= 25;
      if (POSITIVE.test(hint)) weight += 25;
    }
  }
  const itemprop = element.attrs.itemprop;
  if (itemprop === 'articleBody' || itemprop === 'text') weight += 50;
  return weight;
}

/** True for blocks whose class, id or role names them as furniture, never article text. */
export function isFurniture(element: Element): boolean {
  if (element.furniture === null) element.furniture = computeFurniture(element);
  return element.furniture;
}

function computeFurniture(element: Element): boolean {
  const role = element.attrs.role;
  if (
    role === 'navigation' ||
    role === 'complementary' ||
    role === 'banner' ||
    role === 'contentinfo' ||
    role === 'dialog' ||
    role === 'alert' ||
    role === 'search' ||
    role === 'menu' ||
    role === 'toolbar'
  )
    return true;
  if (element.attrs['data-ad'] !== undefined || element.attrs['data-ad-slot'] !== undefined) return true;
  const hint = element.hint;
  if (!hint || element.attrs.itemprop === 'articleBody') return false;
  return DROP.test(hint) && !BODY.test(hint);
}

/** The class weight as a factor on a container's content score: hints tip the balance, text decides. */
export function classFactor(element: Element): number {
  const weight = classWeight(element);
  return weight >= 50 ? 1.6 : weight > 0 ? 1.25 : weight < 0 ? 0.6 : 1;
}
