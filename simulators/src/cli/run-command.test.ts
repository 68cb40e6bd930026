import { describe, expect, it } from 'vitest';
import { runCommand } from './run-command';

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCommand(argv, { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } });
  return { code, stdout, stderr };
}

describe('twin', () => {
  it.each([
    ['simulate', 'sensors'], ['simulate', 'appeals'], ['simulate', '--scenario', 'x.yaml'], ['replay', 'beijing-air'], ['replay', 'nyc-redhook'], ['import-appeals'],
  ])('prints help with examples for %s %s', async (...command) => {
    const { code, stdout } = await run(...command, '--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Usage: pnpm twin/);
    expect(stdout).toMatch(/Examples?:/);
  });

  it.each([
    [['simulate', 'sensors', '--bogus']],
    [['simulate', 'sensors', '--rate', 'fast']],
    [['simulate', 'sensors', '--format', 'xml']],
    [['simulate', 'sensors', '--faults', 'spike=2']],
    [['simulate', 'sensors', '--bbox', '1,2,3']],
    [['simulate', 'appeals']],
    [['simulate', '--scenario', '/nonexistent.yaml', '--api-key', 'k']],
    [['replay', 'beijing-air']],
    [['replay', 'beijing-air', '/nonexistent.csv']],
    [['replay', 'beijing-air', 'x.csv', '--speed', '-1']],
    [['replay', 'nyc-redhook', '--no-appeals']],
    [['replay', 'nyc-redhook', '--no-appeals', '--dir', '/nonexistent']],
    [['teleport']],
  ])('rejects %j with one line on stderr and exit code 2', async (argv) => {
    const { code, stderr } = await run(...argv);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it.each([
    [['replay', 'beijing-air', '/nonexistent/PRSA_Data_Dongsi_20130301-20170228.csv'], /^twin: \/nonexistent\/PRSA_Data_Dongsi_20130301-20170228.csv: cannot read \(ENOENT\); expected an hourly file of the UCI "Beijing Multi-Site Air Quality" data set .*doi:10.24432\/C5RK5G\)$/],
    [['replay', 'beijing-air', `${process.cwd()}/package.json`], /^twin: .*\/stations.csv: cannot read \(ENOENT\); expected the list of Beijing's national air monitoring stations .*pass --stations <file>$/],
    [['replay', 'nyc-redhook', '--no-appeals', '--dir', '/nonexistent'], /^twin: \/nonexistent\/nyc\/sensors\/redhook_sensor_locations.csv: cannot read \(ENOENT\); expected the Red Hook sensor sites .*NYU class data of 2016$/],
    [['replay', 'nyc-redhook', '--no-appeals'], /^twin: --dir <folder> is required/],
  ])('says in one line which recording %j misses and where it comes from', async (argv, message) => {
    const { stderr } = await run(...argv);
    expect(stderr.trim()).toMatch(message);
  });

  it('lists the commands when run without one', async () => {
    const { code, stdout } = await run();
    expect(code).toBe(2);
    expect(stdout).toMatch(/replay nyc-redhook/);
  });
});
