import './statistics.css';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AllStatisticsView, FitView, TrendView } from '../../../src/contract/statistics';
import { FACTORS } from '../../../src/domain/statistics/complexity';
import { SCORE_BIN_WIDTH } from '../../../src/domain/statistics/charts';
import { PERIOD_KINDS, type PeriodKind } from '../../../src/domain/statistics/period';
import { AppHeader } from '../../components/AppHeader';
import { errorText } from '../../i18n/error-text';
import { useKeys } from '../../keyboard/useKeys';
import { Chart, type ChartSeries } from './Chart';
import { day, hours, inputDay, num } from './format';
import { FigureList, SourceOrders } from './PackerFigures';
import { ReadFromNotice } from '../central/ReadFromNotice';
import { periodOf, useStatisticsStore } from './statisticsStore';

function hourLabels(from: string, count: number): string[] {
  const start = new Date(from).getHours();
  return Array.from({ length: count }, (_, i) => String((start + i) % 24).padStart(2, '0'));
}

const scoreLabels = (bins: number) => Array.from({ length: bins }, (_, i) => (i === bins - 1 ? `≥${num(i * SCORE_BIN_WIDTH)}` : num(i * SCORE_BIN_WIDTH)));

function TrendCharts({ trend }: { trend: TrendView }) {
  const { t } = useTranslation();
  const labels = useMemo(() => trend.weeks.map((w) => day(new Date(w.from))), [trend]);
  const errors = useMemo<ChartSeries[]>(
    () => [{ label: t('statistics.figures.errorsPer100Scans'), values: trend.weeks.map((w) => w.errorsPer100Scans) }],
    [trend, t],
  );
  const returns = useMemo<ChartSeries[]>(
    () => [{ label: t('statistics.figures.returnsPer1000Orders'), values: trend.weeks.map((w) => w.returnsPer1000Orders) }],
    [trend, t],
  );
  return (
    <>
      <Chart title={t('statistics.charts.errors')} xLabels={labels} series={errors} />
      <Chart title={t('statistics.charts.returnsWeekly')} xLabels={labels} series={returns} />
    </>
  );
}

function FitPanel({ fits, manager }: { fits: FitView[]; manager: boolean }) {
  const { t } = useTranslation();
  const refit = useStatisticsStore((s) => s.refit);
  return (
    <section className="stats-fits" aria-labelledby="stats-fits-title">
      <h3 id="stats-fits-title">{t('statistics.fit.title')}</h3>
      {fits.map((fit) => (
        <div key={fit.stationId} className="stats-fit" data-station={fit.stationId}>
          <p>
            <strong>{fit.stationId}</strong>: {FACTORS.map((f) => `${t(`statistics.fit.factors.${f}`)} ${num(fit.seconds[f], 1)} s`).join(' · ')}
          </p>
          <p className="stats-fit-how">
            {fit.method === 'least_squares'
              ? t('statistics.fit.fitted', { sessions: fit.sessions, date: fit.fittedAt ? day(new Date(fit.fittedAt)) : '', r2: num((fit.r2 ?? 0) * 100, 0) })
              : t(`statistics.fit.defaults.${fit.fallback ?? 'not_fitted'}`, { sessions: fit.sessions })}
          </p>
          {manager && (
            <button type="button" onClick={() => void refit(fit.stationId)}>
              {t('statistics.fit.refit', { station: fit.stationId })}
            </button>
          )}
        </div>
      ))}
    </section>
  );
}

function Everyone({ all }: { all: AllStatisticsView }) {
  const { t } = useTranslation();
  const showPacker = useStatisticsStore((s) => s.showPacker);
  const hourly = useMemo<ChartSeries[]>(() => all.packers.map((p) => ({ label: p.packer.name, values: p.hourly })), [all]);
  const labels = useMemo(() => hourLabels(all.from, all.packers[0]?.hourly.length ?? 24), [all]);
  const returns = useMemo<ChartSeries[]>(() => [{ label: t('statistics.figures.returns'), values: all.packers.map((p) => p.figures.returns) }], [all, t]);
  const returnLabels = useMemo(() => all.packers.map((p) => p.packer.name), [all]);
  const score = useMemo<ChartSeries[]>(() => [{ label: t('statistics.charts.orders'), values: all.scoreDistribution }], [all, t]);
  const scoreX = useMemo(() => scoreLabels(all.scoreDistribution.length), [all]);
  const columns = ['orders', 'units', 'activeHours', 'ordersPerHour', 'errorsPer100Scans', 'weightMismatches', 'returns', 'score'] as const;
  const cell = (f: AllStatisticsView['total'], key: (typeof columns)[number]) =>
    key === 'activeHours' ? num(hours(f.activeSeconds)) : key === 'returns' ? String(f.returns) : num(f[key]);
  if (all.packers.length === 0)
    return (
      <>
        <ReadFromNotice readFrom={all.readFrom} />
        <p className="notice">{t('statistics.none')}</p>
      </>
    );
  return (
    <>
      <ReadFromNotice readFrom={all.readFrom} />
      <section aria-labelledby="stats-packers-title">
        <h2 id="stats-packers-title">{t('statistics.packers')}</h2>
        <div className="stats-table-wrap">
          <table className="stats-table" data-testid="stats-packers">
            <thead>
              <tr>
                <th scope="col">{t('statistics.packer')}</th>
                {columns.map((c) => (
                  <th key={c} scope="col">
                    {t(`statistics.figures.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {all.packers.map((p) => (
                <tr key={p.packer.id} data-packer={p.packer.name}>
                  <th scope="row">
                    <button
                      type="button"
                      className="link"
                      onClick={() => void showPacker(p.packer.id)}
                      aria-label={t('statistics.showPacker', { name: p.packer.name })}
                    >
                      {p.packer.name}
                    </button>
                  </th>
                  {columns.map((c) => (
                    <td key={c}>{cell(p.figures, c)}</td>
                  ))}
                </tr>
              ))}
              <tr className="stats-total">
                <th scope="row">{t('statistics.everyone')}</th>
                {columns.map((c) => (
                  <td key={c}>{cell(all.total, c)}</td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
        <h2>{t('statistics.stations')}</h2>
        <div className="stats-table-wrap">
          <table className="stats-table" data-testid="stats-stations">
            <thead>
              <tr>
                <th scope="col">{t('statistics.station')}</th>
                {columns.map((c) => (
                  <th key={c} scope="col">
                    {t(`statistics.figures.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {all.stations.map((s) => (
                <tr key={s.stationId}>
                  <th scope="row">{s.name}</th>
                  {columns.map((c) => (
                    <td key={c}>{cell(s.figures, c)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <div className="stats-charts">
        <Chart title={t('statistics.charts.hourly')} xLabels={labels} series={hourly} />
        <Chart title={t('statistics.charts.score')} xLabels={scoreX} series={score} bars />
        <Chart title={t('statistics.charts.returns')} xLabels={returnLabels} series={returns} bars />
      </div>
    </>
  );
}

/** Packer statistics: a manager sees everyone and exports for payroll; a packer sees their own, each figure explained. */
export function StatisticsScreen({ manager }: { manager: boolean }) {
  return (
    <div className="screen statistics-screen">
      <AppHeader />
      <main className="stats-main">
        <StatisticsContent manager={manager} embedded={false} />
      </main>
    </div>
  );
}

/** The statistics as the manager's console shows them in its Statistics tab: loaded when the tab opens. */
export function StatisticsPanel() {
  const start = useStatisticsStore((s) => s.start);
  useEffect(() => start(true), [start]);
  return (
    <div className="stats-main">
      <StatisticsContent manager embedded />
    </div>
  );
}

/** The period, the figures, the charts and the seconds per factor; `embedded` in the console, which has its own Escape and heading. */
function StatisticsContent({ manager, embedded }: { manager: boolean; embedded: boolean }) {
  const { t } = useTranslation();
  const { kind, anchor, shift, loading, all, packer, trend, fits, exporting, exported, error, close, setKind, setDate, step, showPacker, exportFile } =
    useStatisticsStore();
  const period = periodOf(kind, anchor, shift);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!embedded) heading.current?.focus();
  }, [embedded]);
  useKeys(
    'screen',
    embedded ? { PageUp: () => step(-1), PageDown: () => step(1) } : { Escape: () => close(), PageUp: () => step(-1), PageDown: () => step(1) },
  );

  const hourly = useMemo<ChartSeries[]>(() => (packer ? [{ label: packer.packer.name, values: packer.hourly }] : []), [packer]);
  const hourX = useMemo(() => (packer ? hourLabels(packer.from, packer.hourly.length) : []), [packer]);
  const score = useMemo<ChartSeries[]>(() => (packer ? [{ label: t('statistics.charts.orders'), values: packer.scoreDistribution }] : []), [packer, t]);
  const scoreX = useMemo(() => (packer ? scoreLabels(packer.scoreDistribution.length) : []), [packer]);
  const last = new Date(period.to.getTime() - 1);
  // In the console its own heading is the page's h1.
  const Heading = embedded ? 'h2' : 'h1';

  return (
    <div aria-busy={loading}>
      <div className="stats-head">
        <Heading ref={heading} tabIndex={-1}>
          {manager ? t('statistics.title') : t('statistics.titleOwn')}
          {packer && manager && ` · ${packer.packer.name}`}
        </Heading>
        {manager && packer && (
          <button type="button" onClick={() => void showPacker(null)}>
            {t('statistics.backToAll')}
          </button>
        )}
        {!embedded && (
          <button type="button" onClick={close}>
            {t('statistics.back')}
          </button>
        )}
      </div>
      <div className="stats-period" role="group" aria-label={t('statistics.period.label')}>
        {PERIOD_KINDS.map((k: PeriodKind) => (
          <button key={k} type="button" aria-pressed={kind === k} onClick={() => setKind(k)}>
            {t(`statistics.period.kinds.${k}`)}
          </button>
        ))}
        <label>
          {t('statistics.period.date')}{' '}
          <input type="date" value={inputDay(new Date(anchor))} onChange={(e) => setDate(e.target.value)} data-testid="stats-date" />
        </label>
        <button type="button" onClick={() => step(-1)}>
          {t('statistics.period.previous')}
        </button>
        <button type="button" onClick={() => step(1)}>
          {t('statistics.period.next')}
        </button>
        <span className="stats-range" data-testid="stats-range">
          {kind === 'shift' && shift
            ? t('statistics.period.shiftRange', { start: shift.start, end: shift.end, day: day(shift.from) })
            : t('statistics.period.range', { from: day(period.from), to: day(last) })}
        </span>
        {manager && (
          <span className="stats-export" role="group" aria-label={t('statistics.export.title')}>
            <button type="button" disabled={exporting} onClick={() => void exportFile('csv')} data-testid="export-csv">
              {t('statistics.export.csv')}
            </button>
            <button type="button" className="primary" disabled={exporting} onClick={() => void exportFile('xlsx')} data-testid="export-xlsx">
              {t('statistics.export.xlsx')}
            </button>
          </span>
        )}
      </div>
      {exported && (
        <>
          <p className="notice" role="status">
            {t('statistics.export.done', { file: exported.fileName, rows: exported.rows })}
          </p>
          <ReadFromNotice readFrom={exported.readFrom} />
        </>
      )}
      {error && (
        <p className="notice error" role="alert" data-testid="stats-error">
          {errorText(t, error)}
        </p>
      )}
      {loading && <p className="notice">{t('statistics.loading')}</p>}
      {all && !packer && <Everyone all={all} />}
      {packer && (
        <div className="stats-packer" data-packer={packer.packer.name}>
          <ReadFromNotice readFrom={packer.readFrom} />
          {packer.figures.ordersTouched === 0 && <p className="notice">{t('statistics.none')}</p>}
          <FigureList figures={packer.figures} idleGapSeconds={packer.idleGapSeconds} />
          <div className="stats-charts">
            <Chart title={t('statistics.charts.hourly')} xLabels={hourX} series={hourly} />
            <Chart title={t('statistics.charts.score')} xLabels={scoreX} series={score} bars />
          </div>
          <SourceOrders view={packer} />
        </div>
      )}
      {trend && (
        <div className="stats-charts">
          {/* The figures above say where they came from; the trend only when it alone could not reach central. */}
          {trend.readFrom === 'station-only' && (packer ?? all)?.readFrom !== 'station-only' && <ReadFromNotice readFrom="station-only" />}
          <TrendCharts trend={trend} />
        </div>
      )}
      <FitPanel fits={fits} manager={manager} />
    </div>
  );
}
