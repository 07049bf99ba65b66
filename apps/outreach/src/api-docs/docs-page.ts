import { type OpenAPIObject } from '@nestjs/swagger';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A plain page (no scripts, no CDN: hospital networks are often offline) listing each operation and its roles. */
export function renderDocsPage(document: OpenAPIObject): string {
  const rows = Object.entries(document.paths)
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([path, operations]) =>
      Object.entries(operations as Record<string, { description?: string }>).map(
        ([method, operation]) =>
          `<tr><td>${method.toUpperCase()}</td><td><code>${escape(path)}</code></td><td>${escape(operation.description ?? '')}</td></tr>`,
      ),
    );
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(document.info.title)}</title></head>
<body><h1>${escape(document.info.title)}</h1>
<p>OpenAPI ${escape(document.openapi)}: <a href="/docs/openapi.json">/docs/openapi.json</a></p>
<table><thead><tr><th>方法 Method</th><th>路径 Path</th><th>权限 Access</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table></body></html>`;
}
