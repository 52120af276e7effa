/** `/assets/widths.css`: the percent-width classes bars use instead of inline styles (the CSP forbids those). */
import { Hono } from 'hono';
import { widthsCss } from '../components/widths.ts';

const body = widthsCss();
const widths = new Hono();

widths.get('/', (c) =>
  c.body(body, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=86400' }),
);

export default widths;
