import { getForecast, type ProjectForecast } from '../../contracts/forecast.contract.js';
import { useApi } from './session.js';
import { useQuery, type Query } from './use-query.js';

/**
 * A project's forecast: each checkpoint's chance and P50/P85/P95 dates, the burn-up's cone and what
 * it all rests on. Imported by lazily loaded pages only, so the first page never carries it.
 *
 * @example const forecast = useForecast(projectId); forecast.data?.checkpoints
 */
export function useForecast(projectId: string): Query<ProjectForecast> {
  const api = useApi();
  return useQuery(`forecast:${projectId}`, () => api.call(getForecast, { params: { projectId } }));
}
