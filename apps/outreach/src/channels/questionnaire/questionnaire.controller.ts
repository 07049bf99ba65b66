import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { Public, RequestValidationError } from '@revisit/platform';
import type { Response } from 'express';
import { QuestionnaireError } from './questionnaire.errors';
import { RecordQuestionnaireResponse } from './record-questionnaire-response';
import { pickSurveyLocale, type SurveyLocale } from './survey-locale';
import { renderRefusal, renderSurveyForm, renderThanks } from './survey-page';

// The token is in the URL: no referrer may carry it elsewhere, no cache may keep the page.
const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

/**
 * The patient-facing survey (`/q/<token>`: page and form post) and its JSON API. Public by design: the
 * signed link is the credential, checked on every request.
 */
@Controller()
export class QuestionnaireController {
  constructor(private readonly responses: RecordQuestionnaireResponse) {}

  @Public()
  @Get('q/:token')
  async page(
    @Param('token') token: string,
    @Query('lang') lang: string | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const locale = pickSurveyLocale(lang, acceptLanguage);
    await this.respond(res, locale, async () => {
      const { definition } = await this.responses.open(token);
      return [200, renderSurveyForm(definition, locale)];
    });
  }

  @Public()
  @Post('q/:token')
  async submitForm(
    @Param('token') token: string,
    @Query('lang') lang: string | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const locale = pickSurveyLocale(lang, acceptLanguage);
    const values = formValues(body);
    await this.respond(res, locale, async () => {
      try {
        await this.responses.submit(token, values);
        return [200, renderThanks(locale)];
      } catch (error) {
        if (!(error instanceof RequestValidationError)) throw error;
        const { definition } = await this.responses.open(token);
        return [400, renderSurveyForm(definition, locale, { values, problems: error.fields })];
      }
    });
  }

  /** `{ token, csat, nps?, freeText? }` -> 201 `{ responseId }`, or problem+json. */
  @Public()
  @Post('v1/questionnaire/responses')
  @HttpCode(201)
  async submit(@Body() body: unknown): Promise<{ responseId: string }> {
    const { token, ...answers } = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    if (typeof token !== 'string') throw new RequestValidationError([{ field: '/token', message: 'is required' }]);
    return this.responses.submit(token, answers);
  }

  private async respond(res: Response, locale: SurveyLocale, render: () => Promise<[number, string]>): Promise<void> {
    let status: number;
    let html: string;
    try {
      [status, html] = await render();
    } catch (error) {
      if (!(error instanceof QuestionnaireError)) throw error;
      [status, html] = [error.status, renderRefusal(error.code, locale)];
    }
    res.status(status).set(PAGE_HEADERS).send(html);
  }
}

/** Form fields as strings; a repeated field (a crafted post) keeps its last value. */
function formValues(body: unknown): Record<string, string> {
  if (typeof body !== 'object' || body === null) return {};
  return Object.fromEntries(
    Object.entries(body as Record<string, unknown>).map(([key, value]) => [
      key,
      Array.isArray(value) ? String(value[value.length - 1] ?? '') : String(value ?? ''),
    ]),
  );
}
